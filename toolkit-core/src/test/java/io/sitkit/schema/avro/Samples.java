package io.sitkit.schema.avro;

/** Sample payloads shared by tests of several packages. */
public final class Samples {
    /** A plain JSON OrderPlaced (see src/test/resources/avro/orders/OrderPlaced.avsc). */
    public static final String ORDER_JSON = """
            {"orderId":"o-1001","eventId":"7f0c2a4e-53b5-4a8e-9a43-1c1c0d5c7a11","placedAt":"2026-11-25T07:00:00Z",
             "customerId":"c-42","status":"PLACED",
             "lines":[{"sku":"SKU-1","quantity":2,"unitPrice":{"amount":19.90,"currency":"EUR"}}],
             "total":{"amount":39.80,"currency":"EUR"},
             "shipTo":{"street":"Hauptstraße 1","city":"Köln","postalCode":"50667","country":"DE"},
             "couponCode":"WINTER10","attributes":{"channel":"web"}}""";

    private Samples() {
    }
}
