// parseIntentArgs (am/pm INTENT syntax, spec 6.3) and Intent's helpers, including toShortString
// as `am` prints it. Errors are asserted with their full text.

#include <gtest/gtest.h>
#include <hearth/intent.h>

#include <cstdint>
#include <string>
#include <vector>

using namespace hearth;

namespace {

Intent parse(const std::vector<std::string>& args) {
    Result<Intent> intent = parseIntentArgs(args);
    EXPECT_TRUE(intent.has_value()) << (intent ? "" : intent.error().message);
    return intent ? std::move(intent.value()) : Intent{};
}

std::string parseError(const std::vector<std::string>& args) {
    Result<Intent> intent = parseIntentArgs(args);
    return intent ? "(accepted: " + intent->toShortString() + ")" : intent.error().message;
}

}  // namespace

TEST(ParseIntentArgs, ReadsActionCategoriesDataAndType) {
    const Intent intent = parse({"-a", "android.intent.action.VIEW", "-c", "a.B", "-c", "a.C", "-d",
                                 "https://example.com/x", "-t", "text/html"});
    EXPECT_EQ(intent.action, "android.intent.action.VIEW");
    EXPECT_EQ(intent.categories, (std::vector<std::string>{"a.B", "a.C"}));
    ASSERT_TRUE(intent.data.has_value());
    EXPECT_EQ(intent.data->host(), "example.com");
    EXPECT_EQ(intent.type, "text/html");
    EXPECT_EQ(intent.scheme(), "https");
}

TEST(ParseIntentArgs, RepeatedCategoriesAreASet) {
    EXPECT_EQ(parse({"-c", "X", "-c", "X", "-c", "Y"}).categories,
              (std::vector<std::string>{"X", "Y"}));
}

TEST(ParseIntentArgs, ShortOptionMayCarryItsValue) {
    EXPECT_EQ(parse({"-aandroid.intent.action.MAIN"}).action, "android.intent.action.MAIN");
}

TEST(ParseIntentArgs, DataIsNotNormalised) {
    const Intent intent = parse({"-d", "HTTP://Example.COM/A"});
    EXPECT_EQ(intent.data->toString(), "HTTP://Example.COM/A");
    EXPECT_EQ(intent.scheme(), "HTTP");
}

TEST(ParseIntentArgs, ComponentShortFormIsExpanded) {
    const Intent intent = parse({"-n", "com.example/.Main"});
    ASSERT_TRUE(intent.component.has_value());
    EXPECT_EQ(intent.component->className, "com.example.Main");
}

TEST(ParseIntentArgs, FlagsAreDecodedLikeIntegerDecode) {
    EXPECT_EQ(parse({"-a", "A", "-f", "0x10000000"}).flags, 0x10000000);
    EXPECT_EQ(parse({"-a", "A", "-f", "010"}).flags, 8);
    EXPECT_EQ(parse({"-a", "A", "-f", "#20"}).flags, 0x20);
    EXPECT_EQ(parse({"-a", "A", "-f", "-1"}).flags, -1);
    EXPECT_EQ(parse({"-a", "A", "-f", "-0x80000000"}).flags, INT32_MIN);
}

TEST(ParseIntentArgs, FlagShortcutsSetAndroidsBits) {
    EXPECT_EQ(parse({"-a", "A", "--activity-clear-top"}).flags, 0x04000000);
    EXPECT_EQ(parse({"-a", "A", "--exclude-stopped-packages"}).flags,
              flags::kExcludeStoppedPackages);
    EXPECT_EQ(parse({"-a", "A", "--activity-single-top", "--activity-clear-task"}).flags,
              0x20000000 | 0x8000);
    // -f replaces whatever was set before it, as Intent.setFlags does.
    EXPECT_EQ(parse({"-a", "A", "--activity-clear-top", "-f", "0x1"}).flags, 0x1);
    EXPECT_EQ(parse({"-a", "A", "-f", "0x1", "--activity-no-history"}).flags, 0x40000001);
}

TEST(ParseIntentArgs, ExtrasAreAcceptedAndIgnored) {
    const Intent intent =
        parse({"-a",    "A",     "-e",      "k",        "v",     "--es",  "k",    "v",
               "--esn", "k",     "--ei",    "k",        "0x10",  "--el",  "k",    "-5",
               "--ef",  "k",     "1.5f",    "--ez",     "k",     "TRUE",  "--ez", "k",
               "0",     "--eu",  "k",       "http://x", "--ecn", "k",     "p/.C", "--eia",
               "k",     "1,2,3", "--ela",   "k",        "1,2",   "--efa", "k",    "1e3,2",
               "--esa", "k",     "a,b\\,c", "--ed",     "k",     "2.5"});
    EXPECT_EQ(intent.action, "A");
    EXPECT_FALSE(intent.data.has_value());
}

TEST(ParseIntentArgs, ExtraValuesAreCheckedAsAmChecksThem) {
    EXPECT_EQ(parseError({"-a", "A", "--ez", "k", "Maybe"}), "Invalid boolean value: maybe");
    EXPECT_EQ(parseError({"-a", "A", "--ei", "k", "ten"}),
              "--ei expects an integer for extra 'k', got 'ten'");
    EXPECT_EQ(parseError({"-a", "A", "--eia", "k", "1,x"}),
              "--eia expects an integer for extra 'k', got 'x'");
    EXPECT_EQ(parseError({"-a", "A", "--el", "k", "9223372036854775808"}),
              "--el expects a long integer for extra 'k', got '9223372036854775808'");
    EXPECT_EQ(parseError({"-a", "A", "--ef", "k", "1,5"}),
              "--ef expects a number for extra 'k', got '1,5'");
    EXPECT_EQ(parseError({"-a", "A", "--ecn", "k", "nope"}), "Bad component name: nope");
}

TEST(ParseIntentArgs, ListExtrasCountAsIntentInformationAsInAm) {
    EXPECT_TRUE(parseIntentArgs({"--esa", "k", "a"}).has_value());
    EXPECT_EQ(parseError({"--es", "k", "v"}), "No intent supplied");
}

TEST(ParseIntentArgs, TrailingComponentMeansMainLauncherForIt) {
    const Intent intent = parse({"com.example/.Main"});
    EXPECT_EQ(intent.action, names::kActionMain);
    EXPECT_EQ(intent.categories, (std::vector<std::string>{names::kCategoryLauncher}));
    EXPECT_EQ(intent.component->flattenToShortString(), "com.example/.Main");
}

TEST(ParseIntentArgs, TrailingPackageMeansMainLauncherInIt) {
    const Intent intent = parse({"com.example"});
    EXPECT_EQ(intent.action, names::kActionMain);
    EXPECT_EQ(intent.package, "com.example");
    EXPECT_FALSE(intent.component.has_value());
}

TEST(ParseIntentArgs, ExplicitActionDropsTheBaseCategories) {
    const Intent intent = parse({"-a", "android.intent.action.VIEW", "com.example"});
    EXPECT_EQ(intent.action, "android.intent.action.VIEW");
    EXPECT_TRUE(intent.categories.empty());
    EXPECT_EQ(intent.package, "com.example");
}

TEST(ParseIntentArgs, OptionCategoriesWinOverTheBaseCategories) {
    const Intent intent = parse({"-c", "X", "com.example/.Main"});
    EXPECT_EQ(intent.action, names::kActionMain);
    EXPECT_EQ(intent.categories, (std::vector<std::string>{"X"}));
}

TEST(ParseIntentArgs, TrailingPlainUriIsViewWithThatData) {
    const Intent intent = parse({"https://example.com/x"});
    EXPECT_EQ(intent.action, names::kActionView);
    EXPECT_EQ(intent.data->toString(), "https://example.com/x");
}

TEST(ParseIntentArgs, OptionDataKeepsPriorityOverTheUri) {
    const Intent intent = parse({"-d", "tel:1", "https://example.com/x"});
    EXPECT_EQ(intent.data->toString(), "tel:1");
    EXPECT_EQ(intent.action, names::kActionView);
}

TEST(ParseIntentArgs, IntentSchemeUriFillsActionCategoriesAndComponent) {
    const Intent intent = parse(
        {"intent:#Intent;action=android.intent.action.MAIN;category=android.intent.category.HOME;"
         "component=com.example/.Home;launchFlags=0x4000000;S.key=v%20x;end"});
    EXPECT_EQ(intent.action, names::kActionMain);
    EXPECT_EQ(intent.categories, (std::vector<std::string>{names::kCategoryHome}));
    EXPECT_EQ(intent.component->className, "com.example.Home");
    EXPECT_EQ(intent.flags, 0x4000000);
    EXPECT_FALSE(intent.data.has_value());
}

TEST(ParseIntentArgs, IntentSchemeUriRebuildsTheDataWithItsScheme) {
    const Intent intent = parse({"intent://example.com/p#Intent;scheme=https;type=text/html;end"});
    EXPECT_EQ(intent.action, names::kActionView);
    EXPECT_EQ(intent.data->toString(), "https://example.com/p");
    EXPECT_EQ(intent.type, "text/html");
}

TEST(ParseIntentArgs, AndroidAppUriTargetsThePackage) {
    const Intent main = parse({"android-app://com.example"});
    EXPECT_EQ(main.action, names::kActionMain);
    EXPECT_EQ(main.package, "com.example");
    const Intent web = parse({"android-app://com.example/https/example.com/p"});
    EXPECT_EQ(web.action, names::kActionView);
    EXPECT_EQ(web.package, "com.example");
    EXPECT_EQ(web.data->toString(), "https://example.com/p");
}

TEST(ParseIntentArgs, SelectorTakesTheOptionsAfterIt) {
    const Intent intent = parse({"-a", "android.intent.action.VIEW", "-d", "http://x/",
                                 "--selector", "-c", "android.intent.category.APP_BROWSER"});
    EXPECT_EQ(intent.action, names::kActionView);
    EXPECT_TRUE(intent.categories.empty());
    ASSERT_TRUE(intent.selector != nullptr);
    EXPECT_EQ(intent.selector->categories,
              (std::vector<std::string>{"android.intent.category.APP_BROWSER"}));
    // am applies -d to the selector too (its data variable is never reset).
    EXPECT_EQ(intent.selector->data->toString(), "http://x/");
    EXPECT_EQ(intent.data->toString(), "http://x/");
}

TEST(ParseIntentArgs, SelectorAloneLaunchesMainLauncher) {
    const Intent intent = parse({"--selector", "-c", "android.intent.category.APP_MUSIC"});
    EXPECT_EQ(intent.action, names::kActionMain);
    EXPECT_EQ(intent.categories, (std::vector<std::string>{names::kCategoryLauncher}));
    ASSERT_TRUE(intent.selector != nullptr);
}

TEST(ParseIntentArgs, SelectorWithoutOptionsStaysAnEmptySelector) {
    // am keeps the selector it started even when nothing was put in it; the trailing component
    // belongs to the main intent.
    const Intent intent = parse({"-a", "A", "--selector", "com.example/.Main"});
    ASSERT_TRUE(intent.selector != nullptr);
    EXPECT_EQ(intent.selector->toShortString(), "");
    EXPECT_EQ(intent.toShortString(), "act=A cmp=com.example/.Main sel=}");
}

TEST(ParseIntentArgs, DoubleDashEndsTheOptions) {
    EXPECT_EQ(parse({"-a", "A", "--", "-com.example"}).package, "-com.example");
}

TEST(ParseIntentArgsErrors, UnknownOption) {
    EXPECT_EQ(parseError({"-x"}), "Unknown option: -x");
    EXPECT_EQ(parseError({"--bogus", "1"}), "Unknown option: --bogus");
}

TEST(ParseIntentArgsErrors, NoIntentSupplied) {
    EXPECT_EQ(parseError({}), "No intent supplied");
    EXPECT_EQ(parseError({"-f", "0x10", "--activity-clear-top"}), "No intent supplied");
}

TEST(ParseIntentArgsErrors, BadComponentName) {
    EXPECT_EQ(parseError({"-n", "nope"}), "Bad component name: nope");
    EXPECT_EQ(parseError({"com.example/"}), "Bad component name: com.example/");
}

TEST(ParseIntentArgsErrors, MissingArgument) {
    EXPECT_EQ(parseError({"-a"}), "Argument expected after \"-a\"");
    EXPECT_EQ(parseError({"-a", "A", "--es", "key"}), "Argument expected after \"key\"");
}

TEST(ParseIntentArgsErrors, BadFlags) {
    EXPECT_EQ(parseError({"-a", "A", "-f", "0x"}),
              "-f expects an integer (decimal, 0x hex or 0 octal), got '0x'");
    EXPECT_EQ(parseError({"-a", "A", "-f", "0x100000000"}),
              "-f expects an integer (decimal, 0x hex or 0 octal), got '0x100000000'");
}

TEST(ParseIntentArgsErrors, ArgumentAfterTheTrailingOne) {
    EXPECT_EQ(parseError({"com.example", "extra"}), "Unexpected argument: extra");
}

TEST(ParseIntentArgsErrors, MalformedIntentUri) {
    EXPECT_EQ(parseError({"intent:#Intent;action=A"}),
              "Bad intent URI 'intent:#Intent;action=A': expected ';end' at the end of the "
              "'#Intent;' part");
    EXPECT_EQ(parseError({"intent:#Intent;q.k=v;end"}),
              "Bad intent URI 'intent:#Intent;q.k=v;end': unknown EXTRA type 'q.'");
    EXPECT_EQ(parseError({"intent:#Intent;i.k=x;end"}),
              "Bad intent URI 'intent:#Intent;i.k=x;end': extra value 'x' is not a valid 'i.' "
              "value");
}

TEST(IntentToShortString, PrintsFieldsInAmsOrder) {
    const Intent intent =
        parse({"-a", "android.intent.action.VIEW", "-c", "android.intent.category.BROWSABLE", "-c",
               "android.intent.category.DEFAULT", "-d", "https://example.com:8443/secret?q=1", "-t",
               "text/html", "-f", "0x14000000", "-p", "com.example", "-n", "com.example/.Main"});
    // Categories come in ArraySet (String.hashCode) order: DEFAULT hashes below BROWSABLE.
    EXPECT_EQ(intent.toShortString(),
              "act=android.intent.action.VIEW "
              "cat=[android.intent.category.DEFAULT,android.intent.category.BROWSABLE] "
              "dat=https://example.com:8443/... typ=text/html flg=0x14000000 pkg=com.example "
              "cmp=com.example/.Main");
}

TEST(IntentToShortString, MasksPhoneNumbersAndAddresses) {
    EXPECT_EQ(parse({"-d", "tel:+1-555-0100"}).toShortString(), "dat=tel:xx-xxx-xxxx");
    EXPECT_EQ(parse({"-d", "mailto:bob@example.com"}).toShortString(),
              "dat=mailto:xxx@xxxxxxx.xxx");
    EXPECT_EQ(parse({"-d", "geo:0,0?q=cafe#x"}).toShortString(), "dat=geo:0,0?q=cafe");
}

TEST(IntentToShortString, ShowsTheIdentifierAndThatThereAreExtras) {
    EXPECT_EQ(parse({"-i", "ale.fi", "-f", "0x10"}).toShortString(), "id=ale.fi flg=0x10");
    EXPECT_EQ(parse({"--esa", "k", "a,b"}).toShortString(), "(has extras)");
    EXPECT_EQ(parse({"-a", "A", "intent:#Intent;S.k=v;end"}).toShortString(), "act=A (has extras)");
    EXPECT_EQ(parse({"intent:#Intent;identifier=x;end"}).toShortString(),
              "act=android.intent.action.VIEW id=x");
}

TEST(IntentToShortString, AppendsTheSelectorWithAndroidsClosingBrace) {
    const Intent intent = parse({"-a", "A", "--selector", "-c", "C"});
    EXPECT_EQ(intent.toShortString(), "act=A sel=cat=[C]}");
}

TEST(Intent, AddCategoryKeepsASet) {
    Intent intent;
    intent.addCategory("X");
    intent.addCategory("X");
    EXPECT_TRUE(intent.hasCategory("X"));
    EXPECT_FALSE(intent.hasCategory("Y"));
    EXPECT_EQ(intent.categories.size(), 1u);
    EXPECT_FALSE(intent.scheme().has_value());
}
