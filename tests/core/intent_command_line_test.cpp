// Pasted commands (intent_command_line.h): the launcher prefixes adb/am/pm/cmd package are removed,
// the verb they imply is kept, am's and pm's own options are dropped, and every refusal names the
// word and its column.

#include <gtest/gtest.h>
#include <hearth/check.h>
#include <hearth/intent.h>
#include <hearth/intent_command_line.h>

#include <string>
#include <vector>

using namespace hearth;

namespace {

IntentCommandLine parsed(std::string_view line) {
    Result<IntentCommandLine> command = parseIntentCommandLine(line, "paste");
    EXPECT_TRUE(command.has_value()) << command.error().toString();
    return command ? *command : IntentCommandLine{};
}

std::string refusal(std::string_view line) {
    Result<IntentCommandLine> command = parseIntentCommandLine(line, "paste");
    return command ? std::string("parsed") : command.error().toString();
}

using Words = std::vector<std::string>;

}  // namespace

TEST(IntentCommandLine, AdbShellAmStartLeavesTheIntentWithShellQuotesRemoved) {
    const IntentCommandLine command = parsed(
        "adb shell am start -a android.intent.action.VIEW -d 'https://example.com/a?b=1&c=2'");
    EXPECT_EQ(command.verb, IntentVerb::Start);
    EXPECT_EQ(command.prefix, "adb shell am start");
    EXPECT_EQ(command.intentArgs,
              (Words{"-a", "android.intent.action.VIEW", "-d", "https://example.com/a?b=1&c=2"}));
    // The '&' would cut the command on a real device: the paste says so.
    ASSERT_EQ(command.notes.size(), 1u);
    EXPECT_NE(command.notes[0].find("'https://example.com/a?b=1&c=2'"), std::string::npos);
}

TEST(IntentCommandLine, TheParsedArgumentsBuildTheIntentTheUserMeant) {
    const IntentCommandLine command =
        parsed(R"(adb -s emulator-5554 shell am start-activity -W -S --user 0 -d "x y" -c a\ b)");
    EXPECT_EQ(command.verb, IntentVerb::Start);
    EXPECT_EQ(command.prefix, "adb -s emulator-5554 shell am start-activity");
    EXPECT_EQ(command.ignored, (Words{"-W", "-S", "--user 0"}));
    Result<Intent> intent = parseIntentArgs(command.intentArgs);
    ASSERT_TRUE(intent.has_value()) << intent.error().toString();
    EXPECT_EQ(intent->data->toString(), "x y");
    EXPECT_EQ(intent->categories, (Words{"a b"}));
}

TEST(IntentCommandLine, OneQuotedCommandAfterAdbShellIsSplitAgainAsTheDeviceShellDoes) {
    const IntentCommandLine command =
        parsed(R"(adb shell "am start -a android.intent.action.VIEW -d 'https://x/?a=1&b=2'")");
    EXPECT_EQ(command.verb, IntentVerb::Start);
    EXPECT_EQ(command.intentArgs,
              (Words{"-a", "android.intent.action.VIEW", "-d", "https://x/?a=1&b=2"}));
    EXPECT_TRUE(command.notes.empty());
}

TEST(IntentCommandLine, PmAndCmdPackageAskQueryOrResolveAndKeepQueryFlags) {
    const IntentCommandLine query =
        parsed("pm query-activities --brief --query-flags 0x10000 -a android.intent.action.MAIN");
    EXPECT_EQ(query.verb, IntentVerb::Query);
    EXPECT_EQ(query.queryFlags, std::optional<std::string>("0x10000"));
    EXPECT_EQ(query.ignored, (Words{"--brief"}));
    EXPECT_EQ(query.intentArgs, (Words{"-a", "android.intent.action.MAIN"}));

    const IntentCommandLine resolve =
        parsed("adb shell cmd package resolve-activity --components -a android.intent.action.MAIN");
    EXPECT_EQ(resolve.verb, IntentVerb::Resolve);
    EXPECT_EQ(resolve.prefix, "adb shell cmd package resolve-activity");
    EXPECT_FALSE(resolve.queryFlags.has_value());

    EXPECT_EQ(parsed("cmd package query-activities -a x").verb, IntentVerb::Query);
    EXPECT_EQ(parsed("pm resolve-activity -a x").verb, IntentVerb::Resolve);
}

TEST(IntentCommandLine, BareIntentArgumentsKeepEveryWordAndNameNoVerb) {
    const IntentCommandLine command = parsed("-a android.intent.action.VIEW -W -d 'a b'");
    EXPECT_EQ(command.verb, IntentVerb::Unspecified);
    EXPECT_EQ(command.prefix, "");
    // Without `am start` there is no am option to drop: parseIntentArgs judges -W.
    EXPECT_EQ(command.intentArgs, (Words{"-a", "android.intent.action.VIEW", "-W", "-d", "a b"}));
}

TEST(IntentCommandLine, BackslashLineBreaksJoinTheLinesOfAPastedCommand) {
    const IntentCommandLine command = parsed("am start \\\n  -a android.intent.action.VIEW \\\n  -d x");
    EXPECT_EQ(command.intentArgs, (Words{"-a", "android.intent.action.VIEW", "-d", "x"}));
}

TEST(IntentCommandLine, RefusalsNameTheWordAndItsColumn) {
    EXPECT_EQ(refusal("adb devices"), "paste:1:5: 'adb' must be followed by 'shell', got 'devices'");
    EXPECT_EQ(refusal("adb -s"), "paste:1:5: '-s' needs a value (a device serial)");
    EXPECT_EQ(refusal("adb -x shell am start"), "paste:1:5: unknown adb option '-x'");
    EXPECT_EQ(refusal("adb shell"), "paste:1:10: nothing after 'adb shell'");
    EXPECT_EQ(refusal("adb shell ls -l"),
              "paste:1:11: 'adb shell' must run 'am start', 'pm query-activities', 'pm "
              "resolve-activity' or 'cmd package ...', got 'ls'");
    EXPECT_EQ(refusal("am broadcast -a x"),
              "paste:1:4: 'am broadcast' is not an activity start: expected 'am start' or "
              "'am start-activity'");
    EXPECT_EQ(refusal("pm list packages"),
              "paste:1:4: 'pm list' is not an activity question: expected 'pm query-activities' "
              "or 'pm resolve-activity'");
    EXPECT_EQ(refusal("cmd activity start"), "paste:1:5: 'cmd' must be followed by 'package', got "
                                             "'activity'");
    EXPECT_EQ(refusal("am start"), "paste:1:9: nothing after 'am start'");
    EXPECT_EQ(refusal("am start -a x --user"), "paste:1:15: '--user' needs a value");
    EXPECT_EQ(refusal("am start -d 'x"), "paste:1:13: unterminated ' quote");
}

TEST(IntentCommandLine, JoinedWordsReadBackToTheSameWords) {
    const Words words{"-a", "android.intent.action.VIEW", "-d", "https://x/?a=1&b=2", "it's", ""};
    const std::string line = joinShellWords(words);
    EXPECT_EQ(line, R"(-a android.intent.action.VIEW -d 'https://x/?a=1&b=2' 'it'\''s' '')");
    Result<std::vector<ShellWord>> split = splitShellWords(line, "t", 1);
    ASSERT_TRUE(split.has_value());
    Words back;
    for (const ShellWord& word : *split) back.push_back(word.text);
    EXPECT_EQ(back, words);
}

TEST(IntentCommandLine, VerbNamesAreTheHearthCommands) {
    EXPECT_STREQ(intentVerbName(IntentVerb::Start), "start");
    EXPECT_STREQ(intentVerbName(IntentVerb::Resolve), "resolve");
    EXPECT_STREQ(intentVerbName(IntentVerb::Query), "query");
    EXPECT_STREQ(intentVerbName(IntentVerb::Unspecified), "");
}
