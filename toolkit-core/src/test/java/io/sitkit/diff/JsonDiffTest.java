package io.sitkit.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sitkit.diff.FieldDifference.Kind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class JsonDiffTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Parses JSON written with single quotes, to keep the tests readable. */
    static JsonNode json(String singleQuoted) {
        try {
            return MAPPER.readTree(singleQuoted.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(singleQuoted, e);
        }
    }

    private static List<String> described(List<FieldDifference> differences) {
        return differences.stream().map(FieldDifference::describe).toList();
    }

    @Test
    void identicalDocumentsHaveNoDifferences() {
        JsonNode order = json("{'id':'o-1','items':[{'sku':'A'}],'note':null}");

        List<FieldDifference> differences = JsonDiff.strict().compare(order, order.deepCopy());

        assertThat(differences).isEmpty();
    }

    @Test
    void aChangedLeafInNestedObjectsIsReportedWithItsFullPath() {
        JsonNode expected = json("{'order':{'customer':{'name':'Ada','tier':1}}}");
        JsonNode actual = json("{'order':{'customer':{'name':'Bob','tier':1}}}");

        List<FieldDifference> differences = JsonDiff.strict().compare(expected, actual);

        assertThat(differences).containsExactly(new FieldDifference("$.order.customer.name", Kind.CHANGED,
                json("'Ada'"), json("'Bob'"), null));
        assertThat(differences.get(0).describe()).isEqualTo("$.order.customer.name: expected \"Ada\" but was \"Bob\"");
    }

    @Test
    void differencesComeInDocumentOrderWithExtraFieldsAfterTheExpectedOnes() {
        JsonNode expected = json("{'a':1,'b':{'c':[1,2],'d':true},'e':'x'}");
        JsonNode actual = json("{'z':0,'a':2,'b':{'c':[1,3],'d':false},'e':'y'}");

        List<FieldDifference> differences = JsonDiff.strict().compare(expected, actual);

        assertThat(differences).extracting(FieldDifference::path).containsExactly("$.a", "$.b.c[1]", "$.b.d", "$.e", "$.z");
    }

    @Test
    void aLongerActualArrayReportsEachExtraElementAsUnexpectedByIndex() {
        JsonNode expected = json("{'items':['A','B']}");
        JsonNode actual = json("{'items':['A','B','C',{'sku':'D'}]}");

        List<FieldDifference> differences = JsonDiff.strict().compare(expected, actual);

        assertThat(described(differences)).containsExactly(
                "$.items[2]: unexpected \"C\"",
                "$.items[3]: unexpected {\"sku\":\"D\"}");
    }

    @Test
    void aShorterActualArrayReportsEachAbsentElementAsMissingByIndex() {
        JsonNode expected = json("{'items':['A','B','C']}");
        JsonNode actual = json("{'items':['A']}");

        List<FieldDifference> differences = JsonDiff.strict().compare(expected, actual);

        assertThat(differences).extracting(FieldDifference::path, FieldDifference::kind).containsExactly(
                tuple("$.items[1]", Kind.MISSING),
                tuple("$.items[2]", Kind.MISSING));
        assertThat(differences.get(1).expected()).isEqualTo(json("'C'"));
    }

    @Test
    void arrayOrderMattersUntilItIsIgnored() {
        JsonNode expected = json("{'tags':['a','b','c']}");
        JsonNode actual = json("{'tags':['c','a','b']}");

        assertThat(JsonDiff.strict().compare(expected, actual)).hasSize(3);
        assertThat(JsonDiff.strict().ignoringArrayOrder().compare(expected, actual)).isEmpty();
    }

    @Test
    void ignoringArrayOrderPairsEachElementWithItsNearestMissAndReportsTheRestByIndex() {
        JsonNode expected = json("{'items':[{'sku':'A','qty':1},{'sku':'B','qty':2},{'sku':'C','qty':3}]}");
        JsonNode actual = json("{'items':[{'sku':'B','qty':2},{'sku':'A','qty':5}]}");

        List<FieldDifference> differences = JsonDiff.strict().ignoringArrayOrder().compare(expected, actual);

        assertThat(described(differences)).containsExactly(
                "$.items[0].qty: expected 1 but was 5",
                "$.items[2]: missing");
    }

    @Test
    void ignoringArrayOrderReportsActualElementsWithoutCounterpartAsUnexpectedAtTheirIndex() {
        JsonNode expected = json("[1,2]");
        JsonNode actual = json("[3,2,1]");

        List<FieldDifference> differences = JsonDiff.strict().ignoringArrayOrder().compare(expected, actual);

        assertThat(described(differences)).containsExactly("$[0]: unexpected 3");
    }

    @Test
    void aValueOfAnotherJsonTypeIsATypeChangeNamingBothTypes() {
        JsonNode expected = json("{'total':42,'items':{'sku':'A'},'paid':true}");
        JsonNode actual = json("{'total':'42','items':[{'sku':'A'}],'paid':'yes'}");

        List<FieldDifference> differences = JsonDiff.strict().compare(expected, actual);

        assertThat(differences).extracting(FieldDifference::kind).containsOnly(Kind.TYPE_CHANGED);
        assertThat(described(differences)).containsExactly(
                "$.total: expected a number (42) but was a string (\"42\")",
                "$.items: expected an object ({\"sku\":\"A\"}) but was an array ([{\"sku\":\"A\"}])",
                "$.paid: expected a boolean (true) but was a string (\"yes\")");
    }

    @Test
    void aDifferentRootIsReportedAtTheDollarPath() {
        List<FieldDifference> differences = JsonDiff.strict().compare(json("{}"), json("[]"));

        assertThat(described(differences)).containsExactly("$: expected an object ({}) but was an array ([])");
    }

    @Test
    void anExpectedNullThatTheMessageLacksIsMissingBecauseNullIsAValue() {
        List<FieldDifference> differences = JsonDiff.strict().compare(json("{'note':null}"), json("{}"));

        assertThat(differences).containsExactly(new FieldDifference("$.note", Kind.MISSING, NullNode.getInstance(), null, null));
    }

    @Test
    void nullAgainstAnotherValueIsATypeChangeAndAnExtraNullIsUnexpected() {
        JsonNode expected = json("{'note':null,'total':42}");
        JsonNode actual = json("{'note':'x','total':null,'extra':null}");

        List<FieldDifference> differences = JsonDiff.strict().compare(expected, actual);

        assertThat(described(differences)).containsExactly(
                "$.note: expected null but was a string (\"x\")",
                "$.total: expected a number (42) but was null",
                "$.extra: unexpected null");
    }

    @Test
    void numbersCompareByValueSo42Equals42Point0() {
        JsonNode expected = json("{'a':42,'b':1e2,'c':0.50}");
        JsonNode actual = json("{'a':42.0,'b':100,'c':0.5}");

        assertThat(JsonDiff.strict().compare(expected, actual)).isEmpty();
        assertThat(described(JsonDiff.strict().compare(json("{'a':42}"), json("{'a':42.01}"))))
                .containsExactly("$.a: expected 42 but was 42.01");
    }

    @Test
    void aNumericToleranceAcceptsNumbersThatCloseButNoFurther() {
        JsonDiff lenient = JsonDiff.strict().withNumericTolerance(0.01);

        assertThat(lenient.compare(json("{'a':0.3}"), json("{'a':0.305}"))).isEmpty();
        assertThat(lenient.compare(json("{'a':0.3}"), json("{'a':0.311}"))).hasSize(1);
        assertThat(JsonDiff.strict().compare(json("{'a':0.3}"), json("{'a':0.305}"))).hasSize(1);
    }

    @Test
    void aNegativeOrNonFiniteToleranceIsRejectedWithTheValue() {
        assertThatThrownBy(() -> JsonDiff.strict().withNumericTolerance(-0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("numeric tolerance must be a finite number >= 0, was -0.5");
        assertThatThrownBy(() -> JsonDiff.strict().withNumericTolerance(Double.NaN))
                .hasMessageEndingWith("was NaN");
    }

    @Test
    void anExactIgnorePathSkipsThatNodeAndEverythingBelowIt() {
        JsonNode expected = json("{'timestamp':1,'meta':{'a':1,'b':[1]},'id':'o-1'}");
        JsonNode actual = json("{'timestamp':2,'meta':{'a':2,'b':[],'c':3},'id':'o-2'}");

        List<FieldDifference> differences = JsonDiff.strict().ignoring("$.timestamp", "$.meta").compare(expected, actual);

        assertThat(differences).extracting(FieldDifference::path).containsExactly("$.id");
    }

    @Test
    void anAnyIndexIgnorePathSkipsTheFieldInEveryElementButNotElsewhere() {
        JsonNode expected = json("{'id':'o-1','items':[{'id':1,'sku':'A'},{'id':2,'sku':'B'}]}");
        JsonNode actual = json("{'id':'o-9','items':[{'id':7,'sku':'A'},{'id':8,'sku':'X'}]}");

        List<FieldDifference> differences = JsonDiff.strict().ignoring("$.items[*].id").compare(expected, actual);

        assertThat(differences).extracting(FieldDifference::path).containsExactly("$.id", "$.items[1].sku");
    }

    @Test
    void anAnyDepthIgnorePathSkipsTheNameWhereverItAppears() {
        JsonNode expected = json("{'traceId':'t1','a':{'traceId':'t2','b':[{'traceId':'t3','v':1}]},'traceIds':['x']}");
        JsonNode actual = json("{'traceId':'u1','a':{'traceId':'u2','b':[{'traceId':'u3','v':2}]},'traceIds':['y']}");

        List<FieldDifference> differences = JsonDiff.strict().ignoring("$..traceId").compare(expected, actual);

        assertThat(differences).extracting(FieldDifference::path).containsExactly("$.a.b[0].v", "$.traceIds[0]");
    }

    @Test
    void anAnyFieldIgnorePathSkipsEveryFieldOfThatObjectOnly() {
        JsonNode expected = json("{'meta':{'a':1,'b':2},'other':{'a':1}}");
        JsonNode actual = json("{'meta':{'a':9,'c':3},'other':{'a':9}}");

        List<FieldDifference> differences = JsonDiff.strict().ignoring("$.meta.*").compare(expected, actual);

        assertThat(differences).extracting(FieldDifference::path).containsExactly("$.other.a");
    }

    @Test
    void ignorePatternsAlsoSkipFieldsOnlyTheMessageHas() {
        List<FieldDifference> differences = JsonDiff.strict().ignoring("$..headers")
                .compare(json("{'a':1}"), json("{'a':1,'headers':{'x':1}}"));

        assertThat(differences).isEmpty();
    }

    @Test
    void aMalformedIgnorePathIsRejectedNamingThePathAndPosition() {
        assertThatThrownBy(() -> JsonDiff.strict().ignoring("$.items[x]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid path $.items[x]: expected an index, * or a quoted name at position 8");
        assertThatThrownBy(() -> JsonDiff.strict().ignoring("items"))
                .hasMessage("invalid path items: must start with $ at position 0");
    }

    @Test
    void allowingExtraFieldsDropsUnexpectedFieldsButStillCountsExtraArrayElements() {
        JsonNode expected = json("{'a':1,'list':[1]}");
        JsonNode actual = json("{'a':1,'b':2,'nested':{'c':3},'list':[1,2]}");

        List<FieldDifference> differences = JsonDiff.strict().allowingExtraFields().compare(expected, actual);

        assertThat(described(differences)).containsExactly("$.list[1]: unexpected 2");
    }

    @Test
    void aSnakeCaseExpectationAgainstACamelCaseMessageGivesOneMissingFieldWithAHint() {
        JsonNode expected = json("{'order_id':'o-1','total_amount':42}");
        JsonNode actual = json("{'order_id':'o-1','totalAmount':42}");

        List<FieldDifference> differences = JsonDiff.strict().compare(expected, actual);

        assertThat(described(differences)).containsExactly("$.total_amount: missing (the message has $.totalAmount)");
        assertThat(differences.get(0).hint()).isEqualTo("the message has $.totalAmount");
    }

    @Test
    void namingPairsAreFoundInNestedObjectsInsideArrays() {
        JsonNode expected = json("{'order':{'items':[{'unit-price':1},{'unit-price':2}]}}");
        JsonNode actual = json("{'order':{'items':[{'UnitPrice':1},{'unit_price':2}]}}");

        List<FieldDifference> differences = JsonDiff.strict().compare(expected, actual);

        assertThat(described(differences)).containsExactly(
                "$.order.items[0]['unit-price']: missing (the message has $.order.items[0].UnitPrice)",
                "$.order.items[1]['unit-price']: missing (the message has $.order.items[1].unit_price)");
    }

    @Test
    void aFieldTheExpectationNamesItselfIsNeverOfferedAsTheRenamedOne() {
        JsonNode expected = json("{'totalAmount':42,'total_amount':42}");
        JsonNode actual = json("{'totalAmount':42}");

        List<FieldDifference> differences = JsonDiff.strict().compare(expected, actual);

        assertThat(described(differences)).containsExactly("$.total_amount: missing");
    }

    @Test
    void eachMessageFieldPairsWithOneMissingFieldAtMost() {
        JsonNode expected = json("{'total_amount':1,'TOTAL_AMOUNT':1}");
        JsonNode actual = json("{'totalAmount':1}");

        List<FieldDifference> differences = JsonDiff.strict().compare(expected, actual);

        assertThat(described(differences)).containsExactly(
                "$.total_amount: missing (the message has $.totalAmount)",
                "$.TOTAL_AMOUNT: missing");
    }

    @Test
    void aOneLetterTypoGetsADidYouMeanHintAndStaysUnexpected() {
        JsonNode expected = json("{'total':42}");
        JsonNode actual = json("{'totl':42}");

        List<FieldDifference> differences = JsonDiff.strict().compare(expected, actual);

        assertThat(described(differences)).containsExactly(
                "$.total: missing (did you mean $.totl?)",
                "$.totl: unexpected 42");
    }

    @Test
    void fieldNamesThatAreNotPlainIdentifiersAreQuotedInPaths() {
        ObjectNode expected = MAPPER.createObjectNode();
        expected.put("a.b", 1).put("it's", 2).put("back\\slash", 3).putObject("x y").put("1st", 4);
        ObjectNode actual = MAPPER.createObjectNode();
        actual.put("a.b", 9).put("it's", 9).put("back\\slash", 9).putObject("x y").put("1st", 9);

        List<FieldDifference> differences = JsonDiff.strict().compare(expected, actual);

        assertThat(differences).extracting(FieldDifference::path)
                .containsExactly("$['a.b']", "$['it\\'s']", "$['back\\\\slash']", "$['x y']['1st']");
    }

    @Test
    void quotedIgnorePathsMatchTheQuotedNames() {
        JsonNode expected = json("{'a.b':1,'a':{'b':2}}");
        JsonNode actual = json("{'a.b':9,'a':{'b':8}}");

        List<FieldDifference> differences = JsonDiff.strict().ignoring("$['a.b']").compare(expected, actual);

        assertThat(differences).extracting(FieldDifference::path).containsExactly("$.a.b");
    }

    @Test
    void configuringReturnsNewInstancesAndLeavesTheOriginalStrict() {
        JsonDiff strict = JsonDiff.strict();

        JsonDiff lenient = strict.ignoring("$.t").allowingExtraFields().ignoringArrayOrder().withNumericTolerance(0.5);

        assertThat(strict).isSameAs(JsonDiff.strict()).hasToString("JsonDiff[strict]");
        assertThat(lenient).hasToString(
                "JsonDiff[ignoring [$.t], extra fields allowed, array order ignored, numeric tolerance 0.5]");
        assertThat(strict.compare(json("{'t':1}"), json("{'t':2,'x':1}"))).hasSize(2);
        assertThat(lenient.compare(json("{'t':1}"), json("{'t':2,'x':1}"))).isEmpty();
    }

    @Test
    void atResolvesSimplePathsAndTreatsJsonNullAsPresent() {
        JsonNode order = json("{'a':{'b':[{'c':1},{'c':2}]},'x.y':'dotted','note':null}");

        assertThat(JsonDiff.at(order, "$.a.b[1].c")).contains(json("2"));
        assertThat(JsonDiff.at(order, "$['x.y']")).contains(json("'dotted'"));
        assertThat(JsonDiff.at(order, "$")).contains(order);
        assertThat(JsonDiff.at(order, "$.note")).contains(NullNode.getInstance());
    }

    @Test
    void atIsEmptyWhenTheNodeIsAbsentOrTheShapeDiffers() {
        JsonNode order = json("{'a':{'b':[{'c':1}]}}");

        assertThat(JsonDiff.at(order, "$.a.nope")).isEmpty();
        assertThat(JsonDiff.at(order, "$.a.b[5].c")).isEmpty();
        assertThat(JsonDiff.at(order, "$.a[0]")).isEmpty();
        assertThat(JsonDiff.at(order, "$.a.b.c")).isEmpty();
    }

    @Test
    void atRejectsWildcardsWithAMessageSayingWhatIsAllowed() {
        assertThatThrownBy(() -> JsonDiff.at(json("{}"), "$..traceId"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a simple path: $..traceId");
    }
}
