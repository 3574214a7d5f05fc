package io.sitkit.fx.view;

import io.sitkit.fx.service.InjectRequest;
import io.sitkit.fx.viewmodel.InjectViewModel;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import static io.sitkit.fx.view.Controls.formLabel;

/**
 * The inject dialog: destination, key, headers, payload, format (text, JSON, Avro by schema id or
 * plain), template, a schema or contract to check against and sample from, copies and rate;
 * Validate, Send and Cancel forward to the {@link InjectViewModel}, whose outcome and results it shows.
 *
 * <p>Thread-safety: FX thread only.
 */
final class InjectDialog {
    final Stage stage = new Stage();

    InjectDialog(Window owner, InjectViewModel vm) {
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle("Inject a message");
        TextField destination = new TextField();
        destination.setId("injectDestination");
        destination.textProperty().bindBidirectional(vm.destinationProperty());
        TextField key = new TextField();
        key.setId("injectKey");
        key.setPromptText("optional; a template too when Template is on");
        key.textProperty().bindBidirectional(vm.keyProperty());
        TextArea headers = new TextArea();
        headers.setId("injectHeaders");
        headers.setPromptText("one name=value per line");
        headers.setPrefRowCount(3);
        headers.getStyleClass().add("mono");
        headers.textProperty().bindBidirectional(vm.headersProperty());
        TextArea payload = new TextArea();
        payload.setId("injectPayload");
        payload.setPrefRowCount(12);
        payload.getStyleClass().add("mono");
        payload.textProperty().bindBidirectional(vm.payloadProperty());
        ChoiceBox<InjectRequest.Format> format = new ChoiceBox<>();
        format.setId("injectFormat");
        format.getItems().setAll(InjectRequest.Format.values());
        format.valueProperty().bindBidirectional(vm.formatProperty());
        Spinner<Integer> schemaId = new Spinner<>(-1, Integer.MAX_VALUE, vm.schemaIdProperty().get());
        schemaId.setId("injectSchemaId");
        schemaId.setEditable(true);
        schemaId.setPrefWidth(110);
        schemaId.valueProperty().addListener((o, was, now) -> vm.schemaIdProperty().set(now));
        vm.schemaIdProperty().addListener((o, was, now) -> schemaId.getValueFactory().setValue(now.intValue()));
        schemaId.disableProperty().bind(vm.formatProperty().isNotEqualTo(InjectRequest.Format.AVRO));
        CheckBox template = new CheckBox("Template ({{ uuid() }}, {{ now() }}, {{ sequence() }}, {{ random(1, 9) }})");
        template.setId("injectTemplate");
        template.selectedProperty().bindBidirectional(vm.templateProperty());
        Spinner<Integer> copies = new Spinner<>(1, InjectRequest.MAX_COPIES, vm.copiesProperty().get());
        copies.setId("injectCopies");
        copies.setEditable(true);
        copies.setPrefWidth(100);
        copies.valueProperty().addListener((o, was, now) -> vm.copiesProperty().set(now));
        Spinner<Double> rate = new Spinner<>(0, 100_000, vm.rateProperty().get(), 1);
        rate.setId("injectRate");
        rate.setEditable(true);
        rate.setPrefWidth(100);
        rate.valueProperty().addListener((o, was, now) -> vm.rateProperty().set(now));
        TextField schemaFile = new TextField();
        schemaFile.setId("injectSchemaFile");
        schemaFile.setPromptText("optional: a JSON Schema (.json), Avro schema (.avsc) or contract (.yaml) to check and sample from");
        schemaFile.textProperty().bindBidirectional(vm.schemaFileProperty());
        HBox.setHgrow(schemaFile, Priority.ALWAYS);
        Button browse = Controls.browse("injectSchemaBrowse", schemaFile, Controls.openFile("Schema or contract"));
        Button sample = new Button("Sample");
        sample.setId("injectSample");
        sample.setTooltip(new javafx.scene.control.Tooltip("Fill the payload with a sample valid against the schema"));
        sample.setOnAction(e -> vm.generateSample());
        Label checks = new Label();
        checks.setId("injectChecks");
        checks.getStyleClass().add("muted");
        checks.textProperty().bind(javafx.beans.binding.Bindings.when(vm.schemaDescriptionProperty().isEmpty()).then("")
                .otherwise(javafx.beans.binding.Bindings.concat("checks against ", vm.schemaDescriptionProperty())));

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.getColumnConstraints().setAll(new ColumnConstraints(90), grow());
        int row = 0;
        form.addRow(row++, formLabel("Destination"), destination);
        form.addRow(row++, formLabel("Key"), key);
        form.addRow(row++, formLabel("Headers"), headers);
        HBox formatRow = new HBox(10, format, new Label("Schema id"), schemaId);
        formatRow.setAlignment(Pos.CENTER_LEFT);
        form.addRow(row++, formLabel("Format"), formatRow);
        form.addRow(row++, new Label(), template);
        form.addRow(row++, formLabel("Payload"), payload);
        HBox schemaRow = new HBox(8, schemaFile, browse, sample);
        schemaRow.setAlignment(Pos.CENTER_LEFT);
        form.addRow(row++, formLabel("Check"), schemaRow);
        checks.managedProperty().bind(checks.textProperty().isNotEmpty());
        checks.visibleProperty().bind(checks.managedProperty());
        Label checksGap = new Label();
        checksGap.managedProperty().bind(checks.managedProperty());
        form.addRow(row++, checksGap, checks);
        HBox sendRow = new HBox(10, copies, new Label("copies at"), rate, new Label("messages/s (0: as fast as the broker takes them)"));
        sendRow.setAlignment(Pos.CENTER_LEFT);
        form.addRow(row++, formLabel("Send"), sendRow);
        GridPane.setVgrow(payload, Priority.ALWAYS);

        Label message = Controls.outcome("injectMessage", vm.messageProperty(), vm.okProperty());
        ListView<String> results = new ListView<>(vm.results());
        results.setId("injectResults");
        results.setPrefHeight(90);
        results.setPlaceholder(new Label("Sent messages are listed here with their partition and offset or message id"));
        results.getStyleClass().add("mono");

        Button validate = new Button("Validate");
        validate.setId("injectValidate");
        validate.setOnAction(e -> vm.validate());
        Button send = new Button("Send");
        send.setId("injectSend");
        send.getStyleClass().add("primary");
        send.disableProperty().bind(vm.sendingProperty());
        send.setOnAction(e -> vm.send());
        Button cancel = new Button("Cancel");
        cancel.setId("injectCancel");
        cancel.disableProperty().bind(vm.sendingProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        Label progress = new Label();
        progress.setId("injectProgress");
        progress.getStyleClass().add("muted");
        progress.textProperty().bind(javafx.beans.binding.Bindings.when(vm.sendingProperty())
                .then(javafx.beans.binding.Bindings.concat("sending: ", vm.sentProperty().asString("%,d"), " sent")).otherwise(""));
        Button close = new Button("Close");
        close.setOnAction(e -> stage.close());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label lock = new Label(vm.isLocked() ? "Protected: unlock the connection before sending" : "");
        lock.getStyleClass().add(vm.isLocked() ? "protected-badge" : "muted");
        lock.setVisible(vm.isLocked());
        HBox buttons = new HBox(8, lock, progress, spacer, validate, send, cancel, close);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        javafx.scene.layout.VBox root = new javafx.scene.layout.VBox(10, form, message, results, buttons);
        root.setPadding(new Insets(14));
        javafx.scene.layout.VBox.setVgrow(form, Priority.ALWAYS);
        Scene scene = new Scene(root, 780, 700);
        scene.getStylesheets().add(MainView.CSS);
        stage.setScene(scene);
    }

    private static ColumnConstraints grow() {
        ColumnConstraints c = new ColumnConstraints();
        c.setHgrow(Priority.ALWAYS);
        return c;
    }
}
