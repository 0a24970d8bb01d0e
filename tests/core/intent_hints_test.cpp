// Did-you-mean for an intent's terms (intent_hints.h, issue 15), over samples/devices/browsers:
// its filters declare MAIN, VIEW and SENDTO, DEFAULT, BROWSABLE and LAUNCHER, and the schemes
// http, https and mailto.

#include <gtest/gtest.h>
#include <hearth/device.h>
#include <hearth/intent.h>
#include <hearth/intent_hints.h>

#include <string>
#include <vector>

using namespace hearth;

namespace {

const Device& browsers() {
    static const Device device = [] {
        Result<Device> loaded = loadDevice(HEARTH_SAMPLES_DIR "/devices/browsers");
        EXPECT_TRUE(loaded.has_value()) << loaded.error().toString();
        return loaded ? std::move(loaded).value() : Device{};
    }();
    return device;
}

std::vector<std::string> hintsFor(const std::vector<std::string>& args) {
    Result<Intent> intent = parseIntentArgs(args);
    EXPECT_TRUE(intent.has_value()) << intent.error().toString();
    return intent ? undeclaredIntentTerms(browsers(), *intent) : std::vector<std::string>{};
}

using Lines = std::vector<std::string>;

TEST(UndeclaredIntentTerms, DeclaredTermsGiveNoHint) {
    EXPECT_EQ(hintsFor({"-a", "android.intent.action.VIEW", "-c",
                        "android.intent.category.BROWSABLE", "-d", "https://example.com/"}),
              Lines{});
}

TEST(UndeclaredIntentTerms, AMisspeltActionNamesTheDeclaredOne) {
    EXPECT_EQ(hintsFor({"-a", "android.intent.action.VEIW", "-d", "https://example.com/"}),
              (Lines{"no filter declares action 'android.intent.action.VEIW'; did you mean "
                     "'android.intent.action.VIEW'?"}));
}

TEST(UndeclaredIntentTerms, ShortFormsNameTheQualifiedName) {
    EXPECT_EQ(hintsFor({"-a", "VIEW", "-c", "BROWSABLE", "-d", "https://example.com/"}),
              (Lines{"no filter declares action 'VIEW'; did you mean 'android.intent.action.VIEW'?",
                     "no filter declares category 'BROWSABLE'; did you mean "
                     "'android.intent.category.BROWSABLE'?"}));
}

TEST(UndeclaredIntentTerms, AMisspeltShortFormNamesTheQualifiedName) {
    // One edit from a declared name's last segment ("VEIW" swaps two letters of VIEW).
    EXPECT_EQ(hintsFor({"-a", "VEIW", "-c", "browsable", "-d", "https://example.com/"}),
              (Lines{"no filter declares action 'VEIW'; did you mean 'android.intent.action.VIEW'?",
                     "no filter declares category 'browsable'; did you mean "
                     "'android.intent.category.BROWSABLE'?"}));
}

TEST(UndeclaredIntentTerms, AnAndroidNameNoFilterDeclaresHasNoSuggestion) {
    EXPECT_EQ(hintsFor({"-a", "android.intent.action.SET_ALARM"}),
              (Lines{"no filter declares action 'android.intent.action.SET_ALARM'"}));
}

TEST(UndeclaredIntentTerms, SchemesAreCaseSensitiveAndSuggestedByCase) {
    // M-9: schemes compare exactly, so 'HTTPS' is undeclared and 'https' is what was meant.
    EXPECT_EQ(hintsFor({"-a", "android.intent.action.VIEW", "-d", "HTTPS://example.com/"}),
              (Lines{"no filter declares scheme 'HTTPS'; did you mean 'https'?"}));
}

TEST(UndeclaredIntentTerms, ATypeNoDeclaredTypeTakesIsNamed) {
    EXPECT_EQ(hintsFor({"-a", "android.intent.action.VIEW", "-t", "text/plain"}),
              (Lines{"no filter declares MIME type 'text/plain'"}));
}

}  // namespace
