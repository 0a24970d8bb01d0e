#pragma once
// Private to the synthetic generator (synthetic.cpp draws devices, synthetic_render.cpp writes
// them): the portable random draws, the corpus-derived vocabulary, the generated model, and the
// renderings of a filter as manifest XML and of its intents as conformance cases.

#include <array>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <hearth/filter_case.h>
#include <hearth/intent.h>

namespace hearth::synthetic {

// ---------------------------------------------------------------------------------------------
// Portable random draws.

class Random {
  public:
    explicit Random(uint64_t seed) : m_engine(seed) {}

    /// Uniform in [0, n); rejection keeps every value equally likely (n > 0).
    uint64_t below(uint64_t n) {
        const uint64_t threshold = (0 - n) % n;  // 2^64 mod n: the biased low values
        uint64_t x = m_engine();
        while (x < threshold) x = m_engine();
        return x % n;
    }
    /// Uniform in [lo, hi].
    size_t between(size_t lo, size_t hi) { return lo + below(hi - lo + 1); }
    /// True with probability p (53 random bits compared as an exact IEEE double).
    bool chance(double p) { return static_cast<double>(m_engine() >> 11) * 0x1.0p-53 < p; }
    template <typename T, size_t N>
    const T& pick(const std::array<T, N>& items) {
        return items[below(N)];
    }
    template <typename T>
    const T& pick(const std::vector<T>& items) {
        return items[below(items.size())];
    }
    /// An index drawn with the given relative weights.
    template <size_t N>
    size_t weighted(const std::array<unsigned, N>& weights) {
        unsigned total = 0;
        for (unsigned w : weights) total += w;
        uint64_t x = below(total);
        for (size_t i = 0; i < N; ++i) {
            if (x < weights[i]) return i;
            x -= weights[i];
        }
        return N - 1;
    }

  private:
    std::mt19937_64 m_engine;
};

// ---------------------------------------------------------------------------------------------
// Vocabulary. Shared actions and types are the corpus's most frequent ones; everything else is
// private to a package (the corpus has 325 distinct actions in 603 filters).

inline constexpr std::array<const char*, 24> kVendors = {
    "acme",      "globex",    "initech", "umbrella", "hooli",    "stark",    "wayne",    "wonka",
    "tyrell",    "cyberdyne", "soylent", "aperture", "vandelay", "oscorp",   "massive",  "nakatomi",
    "gringotts", "monarch",   "dunder",  "pied",     "bluth",    "prestige", "vehement", "octan"};
inline constexpr std::array<const char*, 32> kProducts = {
    "notes",  "mail",    "camera",  "gallery",   "music",    "player",  "maps",     "chat",
    "reader", "weather", "clock",   "files",     "scanner",  "fitness", "bank",     "shop",
    "news",   "radio",   "podcast", "calendar",  "contacts", "dialer",  "keyboard", "vpn",
    "wallet", "tasks",   "recipes", "translate", "books",    "travel",  "tickets",  "social"};
inline constexpr std::array<const char*, 16> kWords = {
    "item",   "user", "post",    "watch",   "share", "open",  "album",   "track",
    "invite", "join", "product", "article", "event", "place", "channel", "order"};
inline constexpr std::array<const char*, 6> kTlds = {"com", "org", "net", "io", "app", "de"};

// The core's own names (intent.h), under the short names the generator reads best with.
inline constexpr const char* kMain = names::kActionMain;
inline constexpr const char* kView = names::kActionView;
inline constexpr const char* kDefault = names::kCategoryDefault;
inline constexpr const char* kBrowsable = names::kCategoryBrowsable;
inline constexpr const char* kLauncher = names::kCategoryLauncher;
inline constexpr const char* kHome = names::kCategoryHome;

// Actions on data-less activity filters other apps may also declare (corpus top actions).
inline constexpr std::array<const char*, 12> kSharedActivityActions = {
    "android.intent.action.APPLICATION_PREFERENCES",
    "android.intent.action.SEARCH",
    "android.media.action.MEDIA_PLAY_FROM_SEARCH",
    "android.intent.action.ASSIST",
    "android.nfc.action.NDEF_DISCOVERED",
    "android.intent.action.CREATE_SHORTCUT",
    "android.intent.action.SET_WALLPAPER",
    "android.intent.action.MANAGE_NETWORK_USAGE",
    "android.settings.NOTIFICATION_SETTINGS",
    "android.intent.action.NOTIFICATION_PREFERENCES",
    "android.appwidget.action.APPWIDGET_CONFIGURE",
    "android.intent.action.WEB_SEARCH"};
inline constexpr std::array<const char*, 10> kReceiverActions = {
    "android.intent.action.BOOT_COMPLETED",
    "android.intent.action.BOOT_COMPLETED",
    "android.intent.action.BOOT_COMPLETED",
    "android.appwidget.action.APPWIDGET_UPDATE",
    "android.appwidget.action.APPWIDGET_UPDATE",
    "android.intent.action.LOCALE_CHANGED",
    "android.app.action.DEVICE_ADMIN_ENABLED",
    "android.intent.action.MEDIA_BUTTON",
    "android.intent.action.TIME_SET",
    "android.intent.action.MY_PACKAGE_REPLACED"};
inline constexpr std::array<const char*, 9> kServiceActions = {
    "android.service.quicksettings.action.QS_TILE",
    "android.service.quicksettings.action.QS_TILE",
    "com.google.firebase.MESSAGING_EVENT",
    "android.service.notification.NotificationListenerService",
    "android.accessibilityservice.AccessibilityService",
    "android.media.browse.MediaBrowserService",
    "android.content.SyncAdapter",
    "android.accounts.AccountAuthenticator",
    "androidx.car.app.CarAppService"};
// Categories besides DEFAULT/BROWSABLE/LAUNCHER/HOME seen on data-less filters.
inline constexpr std::array<const char*, 6> kExtraCategories = {
    "android.intent.category.ALTERNATIVE",  "android.intent.category.SELECTED_ALTERNATIVE",
    "android.intent.category.VOICE_LAUNCH", "com.android.settings.SHORTCUT",
    "android.intent.category.PREFERENCE",   "android.intent.category.TAB"};
// Full and wildcard types of MIME viewers (VIEW).
inline constexpr std::array<const char*, 16> kViewTypes = {"image/*",
                                                    "video/*",
                                                    "audio/*",
                                                    "text/plain",
                                                    "text/*",
                                                    "application/pdf",
                                                    "image/png",
                                                    "image/jpeg",
                                                    "audio/mpeg",
                                                    "video/mp4",
                                                    "text/html",
                                                    "application/zip",
                                                    "application/vnd.android.package-archive",
                                                    "text/calendar",
                                                    "text/x-vcard",
                                                    "application/epub+zip"};
// Types of share targets (SEND / SEND_MULTIPLE).
inline constexpr std::array<const char*, 6> kShareTypes = {"text/plain", "text/plain", "image/*",
                                                    "*/*",        "video/*",    "application/pdf"};
// Well-known opaque or system schemes (corpus: package, mailto, tel, sms, mms, geo).
struct SchemeUse {
    const char* action;
    const char* scheme;
    const char* example;  // a URI the filter accepts
};
inline constexpr std::array<SchemeUse, 7> kWellKnownSchemes = {{
    {"android.intent.action.SENDTO", "mailto", "mailto:someone@example.com"},
    {"android.intent.action.VIEW", "mailto", "mailto:someone@example.com"},
    {"android.intent.action.DIAL", "tel", "tel:5551234"},
    {"android.intent.action.VIEW", "tel", "tel:5551234"},
    {"android.intent.action.SENDTO", "smsto", "smsto:5551234"},
    {"android.intent.action.VIEW", "sms", "sms:5551234"},
    {"android.intent.action.VIEW", "geo", "geo:52.5,13.4"},
}};

// ---------------------------------------------------------------------------------------------
// The generated model, rendered both as manifest XML and as conformance-case JSON.

enum class PathKind { Literal, Prefix, SimpleGlob };

struct GenPath {
    PathKind kind;
    std::string value;
};

struct GenFilter {
    std::vector<std::string> actions;
    std::vector<std::string> categories;
    std::vector<std::string> schemes;
    std::vector<std::string> hosts;
    std::vector<GenPath> paths;
    std::vector<std::string> types;
    int priority = 0;
    bool autoVerify = false;
};

enum class GenKind { Activity, Alias, Service, Receiver, Provider };

struct GenComponent {
    GenKind kind = GenKind::Activity;
    std::string name;  // relative (".ui.X") or absolute
    bool enabled = true;
    std::string targetActivity;
    std::vector<GenFilter> filters;
};

// What a package's filters draw on: its own names, domain and scheme.
struct GenPackage {
    std::string name;
    std::string label;
    std::string domain;  // "notes42.com"
    std::string scheme;  // "notes42"
    bool system = false;
    bool privileged = false;
    std::vector<GenComponent> components;
    size_t filterCount = 0;
};

// An intent a filter accepts (or, mutated, rejects): for probes and for filter-match cases.
struct GenIntent {
    std::optional<std::string> action;
    std::vector<std::string> categories;
    std::optional<std::string> data;
    std::optional<std::string> type;
};

/// The package as an AndroidManifest.xml.
std::string renderManifest(const GenPackage& package);
/// A concrete host for a filter host ("*" and "*.x" become names they match).
std::string concreteHost(const std::string& host);
/// A concrete path the pattern matches.
std::string concretePath(const GenPath& path, Random& random);
/// An intent the filter accepts.
GenIntent matchingIntent(const GenFilter& filter, Random& random);
/// One change that usually makes the filter refuse the intent.
void mutate(GenIntent& intent, Random& random);
/// The filter and the intent as a conformance case (hearth/filter_case.h; toJsonLine writes it).
/// The priority is left out: IntentFilter.match never reads it, and the case format does not keep
/// it.
FilterCase filterCase(const GenFilter& filter, const GenIntent& intent);
/// The intent as am arguments.
std::vector<std::string> intentArgs(const GenIntent& intent);

}  // namespace hearth::synthetic
