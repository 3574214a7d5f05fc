package io.sitkit.fx;

/**
 * Test support: an AsyncAPI 3.0 document of the demo shop — what it sends and receives on
 * {@code <prefix>.orders}, {@code <prefix>.payment-requests}, {@code <prefix>.payments} and
 * {@code <prefix>.refunds} — that coverage is measured against ({@code demo} gives the sandbox's
 * demo traffic destinations).
 */
public final class CoverageFiles {
    private CoverageFiles() {
    }

    public static String asyncApi(String prefix) {
        return """
                asyncapi: 3.0.0
                info:
                  title: Demo shop
                  version: 1.0.0
                defaultContentType: application/json
                servers:
                  kafka:
                    host: localhost:9092
                    protocol: kafka
                  broker:
                    host: localhost:61616
                    protocol: jms
                channels:
                  orders:
                    address: %1$s.orders
                    servers: [{$ref: '#/servers/kafka'}]
                    messages:
                      OrderPlaced: {payload: {type: object}}
                      OrderCancelled: {payload: {type: object}}
                  paymentRequests:
                    address: %1$s.payment-requests
                    servers: [{$ref: '#/servers/broker'}]
                    bindings:
                      jms: {destinationType: queue}
                    messages:
                      PaymentRequested: {payload: {type: object}}
                  payments:
                    address: %1$s.payments
                    servers: [{$ref: '#/servers/kafka'}]
                    messages:
                      PaymentAuthorized: {payload: {type: object}}
                      PaymentDeclined: {payload: {type: object}}
                  refunds:
                    address: %1$s.refunds
                    servers: [{$ref: '#/servers/broker'}]
                    messages:
                      RefundRequested: {payload: {type: object}}
                operations:
                  placeOrder: {action: send, channel: {$ref: '#/channels/orders'}}
                  requestPayment: {action: send, channel: {$ref: '#/channels/paymentRequests'}}
                  receivePayment: {action: receive, channel: {$ref: '#/channels/payments'}}
                  requestRefund: {action: send, channel: {$ref: '#/channels/refunds'}}
                """.formatted(prefix);
    }
}
