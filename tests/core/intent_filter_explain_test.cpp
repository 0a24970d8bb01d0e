// describeFilterMatch: the explanation of IntentFilter::match's answer (M-1..M-18). The
// explanation must agree with the decision, so it is tested against match() itself.

#include <gtest/gtest.h>
#include <hearth/intent.h>
#include <hearth/intent_filter.h>
#include <hearth/package_index.h>

#include <string>
#include <vector>

using namespace hearth;

namespace {

constexpr const char* kView = "android.intent.action.VIEW";
constexpr const char* kKelvin = "\xE2\x84\xAA";  // U+212A KELVIN SIGN, whose case key is 'k'

Intent intent(const std::vector<std::string>& args) {
    Result<Intent> parsed = parseIntentArgs(args);
    EXPECT_TRUE(parsed.has_value());
    return parsed ? std::move(parsed).value() : Intent{};
}

Intent viewOf(const std::string& uri) { return intent({"-a", kView, "-d", uri}); }

IntentFilter webFilter(const std::string& host, std::optional<int> port = std::nullopt) {
    IntentFilter filter;
    filter.actions = {kView};
    filter.schemes = {"https"};
    filter.authorities = {FilterAuthority{host, port, {}}};
    return filter;
}

}  // namespace

TEST(DescribeFilterMatch, M13NonAsciiHostThatMatchesIsNotBlamedWhenThePortFails) {
    // M-13 compares hosts with compareToIgnoreCase, so "\u212Aelvin.example" is "kelvin.example";
    // the decision fails on the port (M-16) and the explanation must say so, not blame the host.
    const IntentFilter filter = webFilter("kelvin.example", 8443);
    const Intent intent = viewOf(std::string("https://") + kKelvin + "elvin.example/x");
    const int code = filter.match(intent);
    ASSERT_EQ(code, match::kNoMatchData);
    const MatchExplanation why = describeFilterMatch(filter, intent, code);
    EXPECT_EQ(why.rule, "M-16");
    EXPECT_EQ(why.reason, std::string("'https://") + kKelvin +
                              "elvin.example/x' has no port, but the filter's authority "
                              "'kelvin.example' needs port 8443");
}

TEST(DescribeFilterMatch, M14NonAsciiWildcardHostThatMatchesIsNotBlamedWhenThePathFails) {
    IntentFilter filter = webFilter("*.kelvin.example");
    filter.paths.push_back(*PatternMatcher::create(PatternKind::Prefix, "/docs"));
    const Intent intent = viewOf(std::string("https://www.") + kKelvin + "ELVIN.example/x");
    const int code = filter.match(intent);
    ASSERT_EQ(code, match::kNoMatchData);
    const MatchExplanation why = describeFilterMatch(filter, intent, code);
    EXPECT_EQ(why.rule, "M-9");
    EXPECT_EQ(why.reason, "path '/x' matches none of the filter's paths [prefix '/docs']");
}

TEST(DescribeFilterMatch, M14HostThatDiffersOnlyInUnicodeCaseStillMatches) {
    const IntentFilter filter = webFilter(std::string(kKelvin) + "elvin.example");
    EXPECT_EQ(filter.match(viewOf("https://KELVIN.example/")), match::kCategoryHost +
                                                                     match::kAdjustmentNormal);
}

TEST(DescribeFilterMatch, M14HostThatDiffersIsNamedWithTheFilterHosts) {
    const IntentFilter filter = webFilter("kelvin.example");
    const Intent intent = viewOf("https://celsius.example/");
    const int code = filter.match(intent);
    ASSERT_EQ(code, match::kNoMatchData);
    const MatchExplanation why = describeFilterMatch(filter, intent, code);
    EXPECT_EQ(why.rule, "M-14");
    EXPECT_EQ(why.reason,
              "host 'celsius.example' matches none of the filter's hosts [kelvin.example]");
}

TEST(DescribeFilterMatch, M16NegativeFilterPortMeansAnyPortInTheExplanationToo) {
    // A filter port below 0 is Android's -1, "any port": the decision fails on the path, so the
    // explanation must not blame the port.
    IntentFilter filter = webFilter("example.com", -1);
    filter.paths.push_back(*PatternMatcher::create(PatternKind::Prefix, "/docs"));
    const Intent intent = viewOf("https://example.com/x");
    const int code = filter.match(intent);
    ASSERT_EQ(code, match::kNoMatchData);
    EXPECT_EQ(describeFilterMatch(filter, intent, code).rule, "M-9");
}

TEST(DescribeFilterMatch, TypeAndDataCases) {
    IntentFilter typed;
    typed.actions = {kView};
    typed.types = {"image/png"};
    EXPECT_EQ(describeFilterMatch(typed, intent({"-a", kView, "-t", "IMAGE/PNG"}), -1).reason,
              "type 'IMAGE/PNG' matches none of the filter's types [image/png] (types are "
              "case-sensitive, M-18)");
    IntentFilter untyped;
    untyped.actions = {kView};
    untyped.schemes = {"http"};
    EXPECT_EQ(
        describeFilterMatch(untyped, intent({"-a", kView, "-d", "http://x", "-t", "text/html"}), -1)
            .reason,
        "the filter declares no MIME type, but the intent has type 'text/html'");
    EXPECT_EQ(describeFilterMatch(untyped, intent({"-a", kView}), -2).reason,
              "the intent has no data, but the filter needs a scheme from [http]");
    IntentFilter tel;
    tel.actions = {kView};
    tel.schemes = {"tel"};
    tel.ssps.push_back(*PatternMatcher::create(PatternKind::Literal, "123"));
    EXPECT_EQ(describeFilterMatch(tel, intent({"-a", kView, "-d", "tel:1234"}), -2).reason,
              "scheme-specific part '1234' matches none of the filter's [literal '123']");
    IntentFilter hosted;
    hosted.actions = {kView};
    hosted.schemes = {"mailto"};
    hosted.authorities = {FilterAuthority{"*", std::nullopt, {}}};
    const MatchExplanation opaque =
        describeFilterMatch(hosted, intent({"-a", kView, "-d", "mailto:a@b"}), -2);
    EXPECT_EQ(opaque.reason, "'mailto:a@b' has no host, but the filter needs one of the hosts [*]");
    EXPECT_EQ(describeFilterMatch(hosted, intent({"-a", kView, "-d", "mailto:a@b"}), -2).rule,
              "M-15");
    IntentFilter typesOnly;
    typesOnly.actions = {kView};
    typesOnly.types = {"image/*"};
    EXPECT_EQ(describeFilterMatch(
                  typesOnly, intent({"-a", kView, "-d", "http://x/a.png", "-t", "image/png"}), -2)
                  .rule,
              "M-10");
    EXPECT_EQ(describeFilterMatch(typed, intent({"-a", kView, "-t", "image/png"}), 0x608000).reason,
              "the filter matches: MATCH_CATEGORY_TYPE 0x608000");
}
