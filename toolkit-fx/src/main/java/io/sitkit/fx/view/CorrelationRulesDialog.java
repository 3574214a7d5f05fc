package io.sitkit.fx.view;

import io.sitkit.fx.viewmodel.ConnectionViewModel;
import io.sitkit.fx.viewmodel.CorrelationRulesForm;
import io.sitkit.fx.viewmodel.CorrelationViewModel;
import javafx.event.ActionEvent;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.List;

/**
 * Edits one connection's correlation rules — per destination where it carries the key, the rule of
 * the rest — and its expected route, then saves them with the profile. A rule that does not read
 * keeps the dialog open and says why.
 *
 * <p>Thread-safety: FX thread only.
 */
final class CorrelationRulesDialog {
    final Dialog<ButtonType> dialog = new Dialog<>();
    private final CorrelationViewModel vm;
    private final ConnectionViewModel connection;
    private final CorrelationRulesForm form;

    CorrelationRulesDialog(Window owner, CorrelationViewModel vm, ConnectionViewModel connection) {
        this.vm = vm;
        this.connection = connection;
        this.form = CorrelationRulesForm.of(vm.settings(connection), connection.allDestinations());
        dialog.initOwner(owner);
        dialog.setTitle("Correlation rules of '" + connection.name() + "'");
        dialog.setHeaderText("Where each destination carries the key, and the route a flow should take.\n"
                + "Saved with the profile '" + connection.name() + "'.");
        GridPane grid = new GridPane();
        grid.setId("correlationRuleGrid");
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, bold("Destination"), bold("Key is in"), bold("Header name or JSON path"));
        grid.addRow(1, new Label("all others (default)"), choice("ruleKind-default", CorrelationRulesForm.DEFAULT_KINDS, form.fallback()),
                argument("ruleArgument-default", form.fallback()));
        int row = 2;
        for (CorrelationRulesForm.Row r : form.rows()) {
            String id = r.destination().toString().replaceAll("[^A-Za-z0-9]", "_");
            grid.addRow(row++, new Label(id), choice("ruleKind-" + id, CorrelationRulesForm.KINDS, r), argument("ruleArgument-" + id, r));
        }
        ScrollPane rules = new ScrollPane(grid);
        rules.setFitToWidth(true);
        rules.setPrefViewportHeight(Math.min(300, 34.0 * row));
        TextArea route = new TextArea();
        route.setId("correlationRouteText");
        route.setPromptText("kafka:orders\njms:queue:payments\nkafka:shipments");
        route.setPrefRowCount(4);
        route.textProperty().bindBidirectional(form.routeProperty());
        Label error = new Label();
        error.setId("correlationRulesError");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(form.errorProperty());
        VBox content = new VBox(8, rules, new Label("Expected route, in order (one address per line; empty for none): a destination on it"
                + " without a message for the key is drawn as a gap"), route, error);
        content.setPrefWidth(720);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().getStylesheets().add(MainView.CSS);
        dialog.getDialogPane().lookupButton(ButtonType.OK).addEventFilter(ActionEvent.ACTION, e -> {
            if (form.toSettings().isEmpty()) {
                e.consume();
            }
        });
    }

    /** Shows the dialog; OK saves the rules with the profile (and follows the key shown again). */
    void showAndSave() {
        dialog.showAndWait().filter(b -> b == ButtonType.OK).flatMap(b -> form.toSettings())
                .ifPresent(s -> vm.saveSettings(connection, s));
    }

    private static Label bold(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("form-label");
        l.setStyle("-fx-font-weight: bold");
        return l;
    }

    private static ChoiceBox<String> choice(String id, List<String> kinds, CorrelationRulesForm.Row row) {
        ChoiceBox<String> c = new ChoiceBox<>();
        c.setId(id);
        c.getItems().setAll(kinds);
        c.valueProperty().bindBidirectional(row.kind());
        return c;
    }

    private static TextField argument(String id, CorrelationRulesForm.Row row) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefWidth(260);
        f.textProperty().bindBidirectional(row.argument());
        f.disableProperty().bind(row.kind().isNotEqualTo("header").and(row.kind().isNotEqualTo("jsonPath")));
        f.promptTextProperty().bind(javafx.beans.binding.Bindings.when(row.kind().isEqualTo("header")).then("orderId")
                .otherwise("$.orderId"));
        return f;
    }
}
