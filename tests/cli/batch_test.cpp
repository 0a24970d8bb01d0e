// --batch FILE|- of hearth query, resolve and start, in-process (issue 14, "Many questions, one
// load"): every answer is the JSON the same command prints for the same intent one process at a
// time, on one line, "id" first, in input order; bad lines answer BAD_INPUT at file:line:col and
// the rest go on; '-' reads standard input; blank and '#' lines are skipped; "caller" and --caller
// choose who asks (V-10, S-4). Answers are compared as JSON objects, not as text.

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>
#include <streambuf>
#include <string>
#include <vector>

#include "cli.h"
#include "cli_run.h"

namespace {

using hearth::testing::CliRun;
using hearth::testing::runCli;
using Json = nlohmann::json;

const std::string kBrowsers = std::string(HEARTH_SAMPLES_DIR) + "/devices/browsers";
const std::string kSeed = std::string(HEARTH_SAMPLES_DIR) + "/devices/seed";
const std::string kAppLinks = std::string(HEARTH_SAMPLES_DIR) + "/devices/app-links";
const std::string kCallers = std::string(HEARTH_SAMPLES_DIR) + "/devices/callers";

/// A batch file private to this process (tests run in parallel as separate processes).
class BatchFile {
  public:
    BatchFile(const std::string& name, const std::string& text)
        : m_path(::testing::TempDir() + "hearth-batch-" + std::to_string(::getpid()) + "-" + name) {
        std::ofstream(m_path, std::ios::binary) << text;
    }
    ~BatchFile() { std::remove(m_path.c_str()); }
    const std::string& path() const { return m_path; }

  private:
    std::string m_path;
};

std::vector<Json> answerLines(const std::string& out) {
    std::vector<Json> answers;
    std::istringstream lines(out);
    std::string line;
    while (std::getline(lines, line)) answers.push_back(Json::parse(line));
    return answers;
}

/// The one-shot `hearth COMMAND DEVICE ARGS... --json` answer, as JSON.
Json oneShot(const std::string& command, const std::string& device,
             const std::vector<std::string>& args) {
    std::vector<std::string> argv = {command, device, "--json"};
    argv.insert(argv.end(), args.begin(), args.end());
    const CliRun run = runCli(argv);
    return Json::parse(run.out);
}

Json withoutId(Json answer) {
    answer.erase("id");
    return answer;
}

struct Request {
    std::string line;               ///< as written in the batch
    std::vector<std::string> args;  ///< the same request as one-shot arguments
};

void expectSameAsOneShot(const std::string& command, const std::string& device,
                         const std::vector<Request>& requests) {
    std::string text;
    for (const Request& request : requests) text += request.line + "\n";
    const BatchFile file(command + ".txt", text);
    const CliRun batch = runCli({command, device, "--batch", file.path()});
    EXPECT_EQ(batch.code, 0) << batch.err;
    const std::vector<Json> answers = answerLines(batch.out);
    ASSERT_EQ(answers.size(), requests.size()) << batch.out;
    for (std::size_t i = 0; i < requests.size(); ++i) {
        EXPECT_EQ(answers[i]["id"], static_cast<int>(i) + 1);
        EXPECT_EQ(withoutId(answers[i]), oneShot(command, device, requests[i].args))
            << command << " " << requests[i].line;
    }
}

}  // namespace

TEST(BatchCommand, QueryAnswersEqualOneShotRunsOfTheSameIntents) {
    expectSameAsOneShot(
        "query", kBrowsers,
        {{"-a android.intent.action.VIEW -d https://example.com/docs/a",
          {"-a", "android.intent.action.VIEW", "-d", "https://example.com/docs/a"}},
         {"-a android.intent.action.VIEW -d http://news.example.org -c "
          "android.intent.category.BROWSABLE --default-only",
          {"-a", "android.intent.action.VIEW", "-d", "http://news.example.org", "-c",
           "android.intent.category.BROWSABLE", "--default-only"}},
         {"-a android.intent.action.SEND -t text/plain",
          {"-a", "android.intent.action.SEND", "-t", "text/plain"}},
         {"-a android.intent.action.VIEW -d 'https://example.com/a b' --explain",
          {"-a", "android.intent.action.VIEW", "-d", "https://example.com/a b", "--explain"}}});
}

TEST(BatchCommand, ResolveAnswersEqualOneShotRunsOfTheSameIntents) {
    expectSameAsOneShot(
        "resolve", kSeed,
        {{"-a android.intent.action.MAIN -c android.intent.category.HOME --default-only",
          {"-a", "android.intent.action.MAIN", "-c", "android.intent.category.HOME",
           "--default-only"}},
         {"-a android.intent.action.VIEW -d https://example.com/x --explain",
          {"-a", "android.intent.action.VIEW", "-d", "https://example.com/x", "--explain"}},
         {"-a android.intent.action.VIEW -d http://example.com/ --query-flags 0x10000",
          {"-a", "android.intent.action.VIEW", "-d", "http://example.com/", "--query-flags",
           "0x10000"}}});
    expectSameAsOneShot(
        "resolve", kBrowsers,
        {{"-a android.intent.action.VIEW -d https://news.example.org/",
          {"-a", "android.intent.action.VIEW", "-d", "https://news.example.org/"}}});
}

TEST(BatchCommand, StartAnswersEqualOneShotRunsOfTheSameIntents) {
    expectSameAsOneShot(
        "start", kAppLinks,
        {{"-a android.intent.action.VIEW -c android.intent.category.BROWSABLE -d "
          "https://news.example.com/today",
          {"-a", "android.intent.action.VIEW", "-c", "android.intent.category.BROWSABLE", "-d",
           "https://news.example.com/today"}},
         {"-a android.intent.action.VIEW -d https://shop.example.com/cart --explain",
          {"-a", "android.intent.action.VIEW", "-d", "https://shop.example.com/cart", "--explain"}},
         {"-a android.intent.action.VIEW -d https://shop.example.com/cart -f 0x400",
          {"-a", "android.intent.action.VIEW", "-d", "https://shop.example.com/cart", "-f",
           "0x400"}}});
}

TEST(BatchCommand, JsonRequestsEchoTheirIdAndPlainLinesTheirLineNumberInInputOrder) {
    const std::string input =
        "{\"id\":\"first\",\"intent\":\"-a android.intent.action.VIEW -d https://example.com/\"}\n"
        "-a android.intent.action.SEND -t text/plain\n"
        "{\"id\":{\"run\":[1,2]},\"intent\":[\"-a\",\"android.intent.action.VIEW\",\"-d\","
        "\"https://example.com/x y\"]}\n"
        "{\"intent\":\"-a android.intent.action.MAIN\"}\n";
    const CliRun run = runCli({"query", kBrowsers, "--batch", "-"}, input);
    EXPECT_EQ(run.code, 0) << run.err;
    const std::vector<Json> answers = answerLines(run.out);
    ASSERT_EQ(answers.size(), 4u);
    EXPECT_EQ(answers[0]["id"], "first");
    EXPECT_EQ(answers[1]["id"], 2);
    EXPECT_EQ(answers[2]["id"], Json::parse(R"({"run":[1,2]})"));
    EXPECT_EQ(answers[3]["id"], 4);
    // "id" comes first on every line, then the command's own JSON.
    EXPECT_EQ(run.out.rfind("{\"id\":\"first\",\"schemaVersion\":1,\"device\":", 0), 0u);
    EXPECT_EQ(withoutId(answers[2]),
              oneShot("query", kBrowsers,
                      {"-a", "android.intent.action.VIEW", "-d", "https://example.com/x y"}));
}

TEST(BatchCommand, ABadLineAnswersBadInputAtLineAndColumnAndTheRestAreStillAnswered) {
    const BatchFile file("bad.txt",
                         "-a android.intent.action.VIEW -d https://example.com/\n"
                         "-a android.intent.action.VIEW -x\n"
                         "{\"id\":9,\"intent\":\"-a 'android.intent.action.VIEW\"}\n"
                         "{\"id\":10,\"intnet\":\"-a x\"}\n"
                         "{\"id\":11,\n"
                         "-a android.intent.action.VIEW --caller com.example.nope\n"
                         "-a android.intent.action.SEND -t text/plain\n");
    const CliRun run = runCli({"query", kBrowsers, "--batch", file.path()});
    EXPECT_EQ(run.code, 1);  // as filter-match: some line was not a request
    const std::vector<Json> answers = answerLines(run.out);
    ASSERT_EQ(answers.size(), 7u) << run.out;
    EXPECT_TRUE(answers[0].contains("results"));
    const std::string& at = file.path();
    EXPECT_EQ(answers[1], Json::parse(R"({"id":2,"error":"BAD_INPUT","message":")" + at +
                                      R"(:2:31: Unknown option: -x"})"));
    EXPECT_EQ(answers[2]["id"], 9);
    EXPECT_EQ(answers[2]["message"], at + ":3:22: unterminated ' quote");
    EXPECT_EQ(answers[3]["message"],
              at + ":4:10: unknown key 'intnet': expected 'id', 'intent' or 'caller'");
    EXPECT_EQ(answers[4]["id"], 5);
    EXPECT_EQ(answers[4]["message"].get<std::string>().rfind(at + ":5:10: invalid JSON: ", 0), 0u);
    EXPECT_EQ(answers[5]["error"], "BAD_INPUT");
    EXPECT_EQ(answers[5]["message"].get<std::string>().rfind(at + ":6:40: --caller expects ", 0),
              0u);
    EXPECT_TRUE(answers[6].contains("results"));
    EXPECT_EQ(answers[6]["id"], 7);
    // Each bad line is also reported on stderr, located.
    EXPECT_NE(run.err.find(at + ":2:31: Unknown option: -x\n"), std::string::npos);
}

TEST(BatchCommand, ANumberTooLargeForJsonIsBadInputAtTheNumber) {
    // Found by mutating the fuzz seeds: nlohmann reports it as out_of_range, not as a parse error.
    const CliRun run =
        runCli({"resolve", kSeed, "--batch", "-"},
               "{\"id\":51e999,\"intent\":\"-a x\"}\n-a android.intent.action.MAIN\n");
    EXPECT_EQ(run.code, 1);
    const std::vector<Json> answers = answerLines(run.out);
    ASSERT_EQ(answers.size(), 2u);
    EXPECT_EQ(answers[0], Json::parse(R"({"id":1,"error":"BAD_INPUT","message":"<stdin>:1:7: )"
                                      R"(invalid JSON: number overflow parsing '51e999'"})"));
    EXPECT_EQ(answers[1]["id"], 2);
}

TEST(BatchCommand, StandardInputCommentsAndBlankLinesAreSkippedButCountedForIds) {
    const CliRun run = runCli({"resolve", kSeed, "--batch", "-"},
                              "# HOME first\n"
                              "\n"
                              "   \n"
                              "-a android.intent.action.MAIN -c android.intent.category.HOME\n"
                              "  # indented comment\n"
                              "-a android.intent.action.VIEW -d https://example.com/x\r\n");
    EXPECT_EQ(run.code, 0) << run.err;
    const std::vector<Json> answers = answerLines(run.out);
    ASSERT_EQ(answers.size(), 2u);
    EXPECT_EQ(answers[0]["id"], 4);
    EXPECT_EQ(answers[1]["id"], 6);
    EXPECT_EQ(withoutId(answers[1]),
              oneShot("resolve", kSeed,
                      {"-a", "android.intent.action.VIEW", "-d", "https://example.com/x"}));
}

TEST(BatchCommand, S4TheCallerFieldAndCallerOptionChooseWhoAsksPerLine) {
    const std::vector<std::string> edit = {"-a", "com.example.notes.EDIT"};
    const CliRun run = runCli(
        {"start", kCallers, "--batch", "-"},
        "{\"id\":1,\"intent\":\"-a com.example.notes.EDIT\",\"caller\":\"com.example.notes\"}\n"
        "-a com.example.notes.EDIT --caller com.example.notes\n"
        "-a com.example.notes.EDIT\n"
        "{\"id\":4,\"intent\":\"-a com.example.notes.EDIT --caller shell\",\"caller\":\"root\"}\n");
    const std::vector<Json> answers = answerLines(run.out);
    ASSERT_EQ(answers.size(), 4u) << run.out;
    Json asNotes = oneShot("start", kCallers,
                           {"-a", "com.example.notes.EDIT", "--caller", "com.example.notes"});
    EXPECT_EQ(withoutId(answers[0]), asNotes);
    EXPECT_EQ(withoutId(answers[1]), asNotes);
    EXPECT_EQ(withoutId(answers[2]), oneShot("start", kCallers, edit));
    EXPECT_EQ(answers[3]["error"], "BAD_INPUT");
    EXPECT_EQ(run.code, 1);
}

TEST(BatchCommand, TheCommandLinesCallerAppliesToEveryLineThatNamesNone) {
    const CliRun run = runCli({"start", kCallers, "--caller", "com.example.notes", "--batch", "-"},
                              "-a com.example.notes.EDIT\n");
    const std::vector<Json> answers = answerLines(run.out);
    ASSERT_EQ(answers.size(), 1u);
    EXPECT_EQ(withoutId(answers[0]),
              oneShot("start", kCallers,
                      {"-a", "com.example.notes.EDIT", "--caller", "com.example.notes"}));
}

TEST(BatchCommand, AnIntentBesideBatchOnTheCommandLineIsAUsageError) {
    const CliRun run = runCli({"query", kBrowsers, "--batch", "-", "-a", "x"}, "");
    EXPECT_EQ(run.code, 2);
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(run.err,
              "hearth query: --batch reads the intents from '-', one a line; got '-a' on the "
              "command line too\n");
    EXPECT_EQ(runCli({"query", kBrowsers, "--batch", "-", "--brief"}, "").code, 2);
}

TEST(BatchCommand, AnUnreadableBatchFileIsBadInput) {
    const std::string missing =
        ::testing::TempDir() + "hearth-batch-missing-" + std::to_string(::getpid());
    const CliRun run = runCli({"resolve", kSeed, "--batch", missing});
    EXPECT_EQ(run.code, 1);
    EXPECT_EQ(run.err, missing + ": cannot open: No such file or directory\n");
}

TEST(BatchCommand, StartLinesDoNotTakeQueryOnlyOptions) {
    const CliRun run = runCli({"start", kAppLinks, "--batch", "-"},
                              "-a android.intent.action.VIEW --kind service\n");
    EXPECT_EQ(run.code, 1);
    const std::vector<Json> answers = answerLines(run.out);
    ASSERT_EQ(answers.size(), 1u);
    EXPECT_EQ(answers[0]["message"], "<stdin>:1:31: Unknown option: --kind");
}

TEST(BatchCommand, HelpSaysWhatABatchLineIsAndTheExitCodes) {
    const CliRun run = runCli({"query", "--help"});
    EXPECT_NE(run.out.find("--batch"), std::string::npos);
    EXPECT_NE(run.out.find("its \"id\" is its line number"), std::string::npos);
    EXPECT_NE(run.out.find("Exit codes with --batch: 0 every line was answered"),
              std::string::npos);
}

namespace {

/// Standard input that hands out one byte at a time and notes, for each byte, how many answer
/// lines were already written: proof that a line is answered before the next one is read.
class WatchedInput : public std::streambuf {
  public:
    WatchedInput(std::string text, const std::ostringstream& out)
        : m_text(std::move(text)), m_out(out) {}
    /// Answer lines written when the reader first asked for byte `at`.
    std::vector<std::size_t> answersSeen;

  protected:
    int_type underflow() override {
        if (m_next >= m_text.size()) return traits_type::eof();
        return traits_type::to_int_type(m_text[m_next]);
    }
    int_type uflow() override {
        if (m_next >= m_text.size()) return traits_type::eof();
        const std::string written = m_out.str();
        answersSeen.push_back(
            static_cast<std::size_t>(std::count(written.begin(), written.end(), '\n')));
        return traits_type::to_int_type(m_text[m_next++]);
    }

  private:
    std::string m_text;
    const std::ostringstream& m_out;
    std::size_t m_next = 0;
};

}  // namespace

TEST(BatchCommand, EachLineIsAnsweredBeforeTheNextIsRead) {
    const std::string first = "-a android.intent.action.VIEW -d https://example.com/\n";
    const std::string second = "-a android.intent.action.SEND -t text/plain\n";
    std::ostringstream out;
    std::ostringstream err;
    WatchedInput input(first + second, out);
    std::istream in(&input);
    EXPECT_EQ(hearth::cli::runHearth({"query", kBrowsers, "--batch", "-"}, in, out, err), 0);
    ASSERT_EQ(input.answersSeen.size(), first.size() + second.size());
    EXPECT_EQ(input.answersSeen[first.size() - 1], 0u);  // the first line's '\n'
    EXPECT_EQ(input.answersSeen[first.size()], 1u);      // the second line's first byte
    EXPECT_EQ(answerLines(out.str()).size(), 2u);
}

TEST(BatchCommand, ALineLongerThanTheLimitStopsTheBatchWithBadInput) {
    const std::string input =
        "-a android.intent.action.SEND -t text/plain\n-d https://example.com/" +
        std::string(std::size_t{1} << 20, 'a') + "\n-a never.read\n";
    const CliRun run = runCli({"query", kBrowsers, "--batch", "-"}, input);
    EXPECT_EQ(run.code, 1);
    const std::vector<Json> answers = answerLines(run.out);
    ASSERT_EQ(answers.size(), 2u);
    EXPECT_EQ(answers[1]["id"], 2);
    EXPECT_EQ(answers[1]["message"],
              "<stdin>:2:1: the line is longer than 1048576 bytes, the most Hearth reads for one "
              "request; stopped reading");
}

TEST(BatchCommand, TheBinaryAnswersAPipeOnStandardInput) {
    const BatchFile answers("smoke.jsonl", "");
    const std::string command =
        std::string(
            "printf '%s\\n' '-a android.intent.action.VIEW -d https://example.com/docs/a' "
            "'{\"id\":\"b\",\"intent\":\"-a android.intent.action.SEND -t text/plain\"}' | '") +
        HEARTH_BINARY + "' query '" + kBrowsers + "' --batch - > '" + answers.path() + "'";
    ASSERT_EQ(std::system(command.c_str()), 0);
    std::ifstream in(answers.path());
    const std::string out((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::vector<Json> lines = answerLines(out);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0]["id"], 1);
    EXPECT_EQ(lines[1]["id"], "b");
    EXPECT_EQ(withoutId(lines[0]),
              oneShot("query", kBrowsers,
                      {"-a", "android.intent.action.VIEW", "-d", "https://example.com/docs/a"}));
}
