// The conformance case format (hearth/filter_case.h): what parseFilterCase reads, where it says a
// line is not a case, and the filter and intent buildFilterCase makes (or Android's exception).
// The CLI's answers over the same cases are pinned in tests/cli/filter_match_test.cpp.

#include <gtest/gtest.h>
#include <hearth/filter_case.h>
#include <hearth/intent_filter.h>

#include <optional>
#include <string>
#include <vector>

using namespace hearth;

namespace {

// The case on line 1 of "cases.jsonl"; fails the test when it is refused.
FilterCase parsed(const std::string& line) {
    Result<FilterCase> testCase = parseFilterCase(line, "cases.jsonl", 1);
    EXPECT_TRUE(testCase) << testCase.error().toString();
    return testCase ? std::move(testCase).value() : FilterCase{};
}

// The located message for a line that is not a case, as line 3 of "cases.jsonl".
std::string refusal(const std::string& line) {
    Result<FilterCase> testCase = parseFilterCase(line, "cases.jsonl", 3);
    EXPECT_FALSE(testCase) << line;
    return testCase ? std::string() : testCase.error().toString();
}

// The exception Android throws building the case's filter ("" when it builds).
std::string androidError(const std::string& line) {
    return buildFilterCase(parsed(line)).androidError.value_or("");
}

}  // namespace

TEST(ParseFilterCase, ReadsEveryListOfTheFilterAndTheIntent) {
    const FilterCase testCase = parsed(
        R"({"filter":{"actions":["A","B"],"categories":["C"],"types":["image/*"],"schemes":["http"],)"
        R"("ssps":[{"kind":"prefix","value":"//x"}],"authorities":[{"host":"h","port":"8080"},)"
        R"({"host":"*.g"}],"paths":[{"kind":"aglob","value":"/a.*"}],"priority":5},)"
        R"("intent":{"action":"A","categories":["C","D"],"data":"http://h/a","type":"image/png"}})");
    EXPECT_EQ(testCase.actions, (std::vector<std::string>{"A", "B"}));
    EXPECT_EQ(testCase.categories, std::vector<std::string>{"C"});
    EXPECT_EQ(testCase.types, std::vector<std::string>{"image/*"});
    EXPECT_EQ(testCase.schemes, std::vector<std::string>{"http"});
    ASSERT_EQ(testCase.ssps.size(), 1u);
    EXPECT_EQ(testCase.ssps[0].kind, PatternKind::Prefix);
    EXPECT_EQ(testCase.ssps[0].value, "//x");
    ASSERT_EQ(testCase.authorities.size(), 2u);
    EXPECT_EQ(testCase.authorities[0].host, "h");
    EXPECT_EQ(testCase.authorities[0].port, "8080");
    EXPECT_EQ(testCase.authorities[1].host, "*.g");
    EXPECT_EQ(testCase.authorities[1].port, std::nullopt);
    ASSERT_EQ(testCase.paths.size(), 1u);
    EXPECT_EQ(testCase.paths[0].kind, PatternKind::AdvancedGlob);  // "aglob" is an alias
    EXPECT_EQ(testCase.action, "A");
    EXPECT_EQ(testCase.intentCategories, (std::vector<std::string>{"C", "D"}));
    EXPECT_EQ(testCase.data, "http://h/a");
    EXPECT_EQ(testCase.type, "image/png");
}

TEST(ParseFilterCase, NullAndMissingKeysAreAbsent) {
    const FilterCase testCase =
        parsed(R"({"filter":{"actions":null,"authorities":[{"host":"h","port":null}]},)"
               R"("intent":{"action":null,"categories":null,"data":null}})");
    EXPECT_TRUE(testCase.actions.empty());
    EXPECT_EQ(testCase.authorities.at(0).port, std::nullopt);
    EXPECT_EQ(testCase.action, std::nullopt);
    EXPECT_TRUE(testCase.intentCategories.empty());
    EXPECT_EQ(testCase.data, std::nullopt);
    EXPECT_EQ(testCase.type, std::nullopt);
    EXPECT_TRUE(parsed("{}").schemes.empty());
}

TEST(ParseFilterCase, NumericPortKeepsTheTextAsWritten) {
    // Integer.parseInt decides, so 80.5 and 1e3 must reach it as written.
    const FilterCase testCase =
        parsed(R"({"filter":{"authorities":[{"host":"a","port":8080},{"host":"b","port":80.5},)"
               R"({"host":"c","port":1e3}]}})");
    EXPECT_EQ(testCase.authorities.at(0).port, "8080");
    EXPECT_EQ(testCase.authorities.at(1).port, "80.5");
    EXPECT_EQ(testCase.authorities.at(2).port, "1e3");
}

TEST(ParseFilterCase, HandsBackTheIdAsCompactJson) {
    std::optional<std::string> id = "stale";
    ASSERT_TRUE(parseFilterCase(R"({"id": {"n": [1, 2.5, null]}, "filter": {}})", "c", 1, &id));
    EXPECT_EQ(id, R"({"n":[1,2.5,null]})");
    ASSERT_TRUE(parseFilterCase(R"({"id":"case-1"})", "c", 2, &id));
    EXPECT_EQ(id, R"("case-1")");
    ASSERT_TRUE(parseFilterCase(R"({"filter":{}})", "c", 3, &id));
    EXPECT_EQ(id, std::nullopt);
}

TEST(ParseFilterCase, HandsBackTheIdOfALineItRefuses) {
    // So that the answer to a bad line still names its case.
    std::optional<std::string> id;
    EXPECT_FALSE(parseFilterCase(R"({"id":7,"intent":{"category":["X"]}})", "c", 1, &id));
    EXPECT_EQ(id, "7");
    EXPECT_FALSE(parseFilterCase(R"({"filter":{"actions":1},"id":7})", "c", 2, &id));
    EXPECT_EQ(id, std::nullopt);  // the line was refused before its id was read
}

TEST(ParseFilterCase, InvalidJsonPointsAtTheFault) {
    EXPECT_EQ(refusal(R"({"filter":{,}})"),
              "cases.jsonl:3:12: invalid JSON: syntax error while parsing object key - unexpected "
              "','; expected string literal");
    // A number too large for a double is pointed at, not the character after it.
    EXPECT_EQ(refusal(R"({"id":1e400})"),
              "cases.jsonl:3:7: invalid JSON: number overflow parsing '1e400'");
}

TEST(ParseFilterCase, InvalidUtf8IsInvalidJsonAtTheByte) {
    EXPECT_EQ(refusal("{\"intent\":{\"action\":\"VIEW\xff\"}}"),
              "cases.jsonl:3:26: invalid JSON: syntax error while parsing value - invalid string: "
              "ill-formed UTF-8 byte; last read: '\"VIEW\xff'");
    // An escape that is not a character (a lone surrogate) is refused as well.
    EXPECT_EQ(refusal(R"({"intent":{"action":"\udc00"}})"),
              "cases.jsonl:3:27: invalid JSON: syntax error while parsing value - invalid string: "
              "surrogate U+DC00..U+DFFF must follow U+D800..U+DBFF; last read: '\"\\udc00'");
}

TEST(ParseFilterCase, AnythingAfterTheCaseIsInvalidJson) {
    EXPECT_EQ(refusal(R"({"filter":{}} x)"),
              "cases.jsonl:3:15: invalid JSON: syntax error while parsing value - invalid literal; "
              "last read: '\"filter\":{}} x'; expected end of input");
    EXPECT_EQ(refusal(R"({"filter":{}}})"),
              "cases.jsonl:3:14: invalid JSON: syntax error while parsing value - unexpected '}'; "
              "expected end of input");
}

TEST(ParseFilterCase, ABrokenLiteralIsInvalidJsonNotAValueOfTheWrongType) {
    // simdjson types a value by its first byte: `tru` must not be reported as "a boolean".
    EXPECT_EQ(refusal(R"({"filter":tru})"),
              "cases.jsonl:3:14: invalid JSON: syntax error while parsing value - invalid literal; "
              "last read: '\"filter\":tru}'");
    EXPECT_EQ(refusal(R"({"filter":{"priority":1.})"),
              "cases.jsonl:3:25: invalid JSON: syntax error while parsing value - invalid number; "
              "expected digit after '.'; last read: '1.}'");
}

TEST(ParseFilterCase, ALineThatIsNotJsonIsRefusedAsSuchEvenAfterAWrongKey) {
    // The JSON fault comes after the unknown key in the line, but a line must be JSON first.
    EXPECT_EQ(refusal(R"({"filtre":{},"intent":{"action":"A" "data":null}})"),
              "cases.jsonl:3:42: invalid JSON: syntax error while parsing object - unexpected "
              "string literal; expected '}'");
}

TEST(ParseFilterCase, APortOutOfRangeForJsonIsInvalidJsonButALongIntegerIsText) {
    EXPECT_EQ(refusal(R"({"filter":{"authorities":[{"host":"h","port":1e400}]}})"),
              "cases.jsonl:3:46: invalid JSON: number overflow parsing '1e400'");
    // Beyond 64 bits is still a JSON number: Integer.parseInt refuses it, not the reader.
    const FilterCase testCase = parsed(
        R"({"filter":{"authorities":[{"host":"h","port":99999999999999999999},)"
        R"({"host":"i","port":-0},{"host":"j","port":8080 }]}})");
    EXPECT_EQ(testCase.authorities.at(0).port, "99999999999999999999");
    EXPECT_EQ(testCase.authorities.at(1).port, "0");  // the integer's value, as it always was
    EXPECT_EQ(testCase.authorities.at(2).port, "8080");
}

TEST(ParseFilterCase, ADuplicateKeyTakesTheLastValue) {
    const FilterCase testCase =
        parsed(R"({"filter":{"actions":["A"],"actions":null,"schemes":["x"],"schemes":["y"]},)"
               R"("intent":{"action":"A","action":"B"}})");
    EXPECT_TRUE(testCase.actions.empty());
    EXPECT_EQ(testCase.schemes, std::vector<std::string>{"y"});
    EXPECT_EQ(testCase.action, "B");
    // Each occurrence is still checked.
    EXPECT_EQ(refusal(R"({"intent":{"action":1,"action":"B"}})"),
              "cases.jsonl:3:12: 'action' must be a string or null, got a number");
}

TEST(ParseFilterCase, AnIdNestedDeeperThanTheLimitIsRefused) {
    const auto nested = [](int depth) {
        return R"({"id":)" + std::string(depth, '[') + std::string(depth, ']') + "}";
    };
    std::optional<std::string> id;
    ASSERT_TRUE(parseFilterCase(nested(1024), "c", 1, &id));
    EXPECT_EQ(id->size(), 2048u);
    EXPECT_EQ(refusal(nested(1025)), "cases.jsonl:3:2: 'id' is nested deeper than 1024 levels");
}

TEST(ParseFilterCase, EchoesAnIdAsNlohmannPrintsIt) {
    // Strings keep their characters (escapes resolved where JSON allows), numbers print from
    // their value, keys sorted: the answers of every earlier Hearth.
    std::optional<std::string> id;
    const auto echoed = [&id](const std::string& line) {
        EXPECT_TRUE(parseFilterCase(line, "c", 1, &id)) << line;
        return id.value_or("(none)");
    };
    EXPECT_EQ(echoed(R"({"id":"a\/b\u00e9"})"), "\"a/b\xc3\xa9\"");
    EXPECT_EQ(echoed(R"({"id":-0})"), "0");
    EXPECT_EQ(echoed(R"({"id":1E2})"), "100.0");
    EXPECT_EQ(echoed(R"({"id":12345678901234567890123})"), "1.2345678901234568e+22");
    EXPECT_EQ(echoed(R"({"id":{"b":1,"a":[true,null]}})"), R"({"a":[true,null],"b":1})");
    EXPECT_EQ(echoed(R"({"id":"x y" })"), R"("x y")");
}

TEST(ParseFilterCase, ALeadingByteOrderMarkIsSkipped) {
    EXPECT_EQ(parsed("\xEF\xBB\xBF{\"intent\":{\"action\":\"A\"}}").action, "A");
}

TEST(ParseFilterCase, ACaseMustBeAnObject) {
    EXPECT_EQ(refusal("[1,2]"), "cases.jsonl:3:1: a case must be a JSON object, got an array");
    EXPECT_EQ(refusal(R"("x")"), "cases.jsonl:3:1: a case must be a JSON object, got a string");
}

TEST(ParseFilterCase, UnknownKeyPointsAtTheKeyAndListsTheKnownOnes) {
    EXPECT_EQ(refusal(R"({"id":3,"intent":{"category":["X"]}})"),
              "cases.jsonl:3:19: unknown key 'category' in 'intent' (expected action, categories, "
              "data, type)");
    EXPECT_EQ(refusal(R"({"filtre":{}})"),
              "cases.jsonl:3:2: unknown key 'filtre' in the case (expected id, filter, intent)");
    EXPECT_EQ(refusal(R"({"filter":{"ssps":[{"kind":"glob","value":"a","x":1}]}})"),
              "cases.jsonl:3:47: unknown key 'x' in 'ssps' (expected kind, value)");
}

TEST(ParseFilterCase, ValueOfTheWrongTypePointsAtItsKey) {
    // The same key name earlier in the line ("categories" of the filter) is passed over: the
    // column follows the path filter -> intent -> categories.
    EXPECT_EQ(refusal(R"({"filter":{"categories":[]},"intent":{"categories":"X"}})"),
              "cases.jsonl:3:39: 'categories' must be an array of strings or null, got a string");
    EXPECT_EQ(refusal(R"({"filter":{"priority":1.5}})"),
              "cases.jsonl:3:12: 'priority' must be an integer or null, got a number");
    EXPECT_EQ(refusal(R"({"filter":{"authorities":[{"host":"h","port":true}]}})"),
              "cases.jsonl:3:39: 'port' must be a string, a number or null, got a boolean");
    EXPECT_EQ(refusal(R"({"intent":{"action":["A"]}})"),
              "cases.jsonl:3:12: 'action' must be a string or null, got an array");
}

TEST(ParseFilterCase, EntriesNeedTheirKeys) {
    EXPECT_EQ(refusal(R"({"filter":{"authorities":[{"port":"80"}]}})"),
              "cases.jsonl:3:12: 'authorities' entries need a string 'host'");
    EXPECT_EQ(refusal(R"({"filter":{"paths":[{"value":"/a"}]}})"),
              "cases.jsonl:3:12: 'paths' entries need a string 'kind'");
    EXPECT_EQ(refusal(R"({"filter":{"paths":[{"kind":"regex","value":"/"}]}})"),
              "cases.jsonl:3:22: 'kind' must be literal, prefix, glob, advanced_glob or suffix, "
              "got 'regex'");
}

TEST(ParseFilterCase, ARefusedLineLeavesNothingBehindForTheNext) {
    // The reader is reused from line to line: a line stopped half-way must not leak into the next.
    EXPECT_FALSE(parseFilterCase(R"({"id":[1,{"a":2}],"filter":{"ssps":[{"kind":"glob")", "c", 1));
    EXPECT_FALSE(parseFilterCase(R"({"id":[1,{"a":2)", "c", 2));
    const FilterCase next = parsed(R"({"filter":{"ssps":[{"kind":"literal","value":"x"}]}})");
    ASSERT_EQ(next.ssps.size(), 1u);
    EXPECT_EQ(next.ssps[0].kind, PatternKind::Literal);
}

TEST(BuildFilterCase, BuildsTheFilterAndTheIntentItMatches) {
    const FilterCaseBuild built = buildFilterCase(
        parsed(R"({"filter":{"actions":["android.intent.action.VIEW"],)"
               R"("categories":["android.intent.category.DEFAULT"],"schemes":["https"],)"
               R"("authorities":[{"host":"example.com","port":"8443"}],)"
               R"("paths":[{"kind":"prefix","value":"/docs"}]},)"
               R"("intent":{"action":"android.intent.action.VIEW",)"
               R"("categories":["android.intent.category.DEFAULT"],)"
               R"("data":"https://example.com:8443/docs/a"}})"));
    ASSERT_EQ(built.androidError, std::nullopt);
    EXPECT_EQ(built.filter.actions, std::vector<std::string>{"android.intent.action.VIEW"});
    ASSERT_EQ(built.filter.authorities.size(), 1u);
    EXPECT_EQ(built.filter.authorities[0].host, "example.com");
    EXPECT_EQ(built.filter.authorities[0].port, 8443);
    ASSERT_EQ(built.filter.paths.size(), 1u);
    EXPECT_EQ(built.filter.paths[0].kind(), PatternKind::Prefix);
    EXPECT_EQ(built.intent.action, "android.intent.action.VIEW");
    ASSERT_TRUE(built.intent.data);
    EXPECT_EQ(built.intent.data->host(), "example.com");
    EXPECT_EQ(built.intent.type, std::nullopt);
    EXPECT_EQ(matchCodeName(built.filter.match(built.intent)), "MATCH_CATEGORY_PATH");
}

TEST(BuildFilterCase, RefusesAsAndroidDoes) {
    EXPECT_EQ(androidError(R"({"filter":{"types":["image"]}})"),
              "android.content.IntentFilter$MalformedMimeTypeException: image");
    EXPECT_EQ(androidError(R"({"filter":{"authorities":[{"host":"h","port":80.5}]}})"),
              "java.lang.NumberFormatException: For input string: \"80.5\"");
    EXPECT_EQ(androidError(R"({"filter":{"paths":[{"kind":"advanced_glob","value":"*a"}]}})"),
              "java.lang.IllegalArgumentException: Modifier must follow a token.");
    EXPECT_EQ(androidError(R"({"filter":{"types":["image/*"]}})"), "");
}

TEST(BuildFilterCase, TheFirstValueRefusedInAndroidsOrderIsTheAnswer) {
    // types are added before ssps, ssps before authorities, authorities before paths, whatever
    // the order of the keys in the line.
    EXPECT_EQ(androidError(R"({"filter":{"paths":[{"kind":"advanced_glob","value":"[a"}],)"
                           R"("authorities":[{"host":"h","port":"x"}],"types":["*"]}})"),
              "android.content.IntentFilter$MalformedMimeTypeException: *");
    EXPECT_EQ(androidError(R"({"filter":{"paths":[{"kind":"advanced_glob","value":"[a"}],)"
                           R"("authorities":[{"host":"h","port":"x"}]}})"),
              "java.lang.NumberFormatException: For input string: \"x\"");
    EXPECT_EQ(androidError(R"({"filter":{"paths":[{"kind":"advanced_glob","value":"[a"}],)"
                           R"("ssps":[{"kind":"advanced_glob","value":"a{3,1}"}]}})"),
              "java.lang.IllegalArgumentException: Range quantifier minimum is greater than "
              "maximum");
}

TEST(FilterCaseJsonLine, WritesOnlyTheFiltersNonEmptyListsAndEveryIntentKey) {
    FilterCase testCase;
    testCase.actions = {"android.intent.action.VIEW"};
    testCase.schemes = {"https"};
    testCase.authorities = {{"a.com", std::nullopt}, {"b.com", std::string("8080")}};
    testCase.paths = {{PatternKind::SimpleGlob, "/x.*"}};
    testCase.data = "https://a.com/x1";
    EXPECT_EQ(toJsonLine(testCase, std::string("\"gen-1\"")),
              R"({"id":"gen-1","filter":{"actions":["android.intent.action.VIEW"],)"
              R"("schemes":["https"],"authorities":[{"host":"a.com","port":null},)"
              R"({"host":"b.com","port":8080}],"paths":[{"kind":"glob","value":"/x.*"}]},)"
              R"("intent":{"action":null,"categories":null,"data":"https://a.com/x1",)"
              R"("type":null}})");
    EXPECT_EQ(toJsonLine(FilterCase{}),
              R"({"filter":{},"intent":{"action":null,"categories":null,"data":null,)"
              R"("type":null}})");
}

TEST(FilterCaseJsonLine, ParseFilterCaseReadsTheLineBackToTheSameCase) {
    const std::string line =
        R"({"id":{"n":[1,2]},"filter":{"actions":["A"],"categories":["C","D"],"types":["image/*"],)"
        R"("schemes":["content"],"ssps":[{"kind":"prefix","value":"//x"}],)"
        R"("authorities":[{"host":"h","port":"80.5"},{"host":"k","port":1e3}],)"
        R"("paths":[{"kind":"advanced_glob","value":"/[a-z]+"},)"
        R"({"kind":"suffix","value":"\"q\u00e9\""}]},)"
        R"("intent":{"action":"A","categories":["C"],"data":"content://h/p","type":"image/png"}})";
    std::optional<std::string> id;
    Result<FilterCase> first = parseFilterCase(line, "cases.jsonl", 1, &id);
    ASSERT_TRUE(first) << first.error().toString();
    const std::string written = toJsonLine(*first, id);
    std::optional<std::string> idAgain;
    const FilterCase second = [&] {
        Result<FilterCase> again = parseFilterCase(written, "cases.jsonl", 1, &idAgain);
        EXPECT_TRUE(again) << again.error().toString() << "\n" << written;
        return again ? std::move(again).value() : FilterCase{};
    }();
    EXPECT_EQ(idAgain, id);
    EXPECT_EQ(toJsonLine(second, idAgain), written) << "a fixed point after one round";
    ASSERT_EQ(second.authorities.size(), 2u);
    EXPECT_EQ(second.authorities[0].port, "80.5") << "a string port stays text";
    EXPECT_EQ(second.authorities[1].port, "1e3") << "a number port keeps its text as written";
    ASSERT_EQ(second.paths.size(), 2u);
    EXPECT_EQ(second.paths[1].value, "\"q\xC3\xA9\"");
    EXPECT_EQ(second.intentCategories, std::vector<std::string>{"C"});
    EXPECT_EQ(second.type, "image/png");
}
