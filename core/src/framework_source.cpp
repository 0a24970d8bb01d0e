// --framework-src: finds, in a frameworks/ checkout's Java, the expression each HOME call site
// (spec 5.7) passes to addCategory/hasCategory, and what category it names. A text scan with
// comments blanked out (line numbers kept), method bodies found by brace matching; no Java parser.

#include <hearth/framework_source.h>
#include <hearth/home.h>
#include <hearth/limits.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <regex>
#include <system_error>

#include "device_internal.h"

namespace hearth {

namespace fs = std::filesystem;

namespace {

constexpr const char* kHome = "android.intent.category.HOME";
constexpr const char* kHomeFirst = "android.intent.category.HOME_FIRST";

using Constants = std::vector<std::pair<std::string, std::string>>;

// Comments become spaces (newlines kept, so offsets and lines stay); strings and chars are kept.
std::string blankComments(std::string_view text) {
    std::string out(text);
    size_t i = 0;
    while (i < out.size()) {
        const char c = out[i];
        if (c == '"' || c == '\'') {
            for (++i; i < out.size() && out[i] != c && out[i] != '\n'; ++i) {
                if (out[i] == '\\') ++i;
            }
            ++i;
        } else if (c == '/' && i + 1 < out.size() && out[i + 1] == '/') {
            for (; i < out.size() && out[i] != '\n'; ++i) out[i] = ' ';
        } else if (c == '/' && i + 1 < out.size() && out[i + 1] == '*') {
            out[i] = out[i + 1] = ' ';
            for (i += 2; i < out.size() && !(out[i] == '*' && i + 1 < out.size() && out[i + 1] == '/'); ++i) {
                if (out[i] != '\n') out[i] = ' ';
            }
            if (i < out.size()) out[i] = ' ';
            if (i + 1 < out.size()) out[i + 1] = ' ';
            i += 2;
        } else {
            ++i;
        }
    }
    return out;
}

// The offset just past the bracket matching the one at `open`, or npos.
size_t matching(const std::string& text, size_t open, char left, char right, size_t limit) {
    int depth = 0;
    for (size_t i = open; i < limit; ++i) {
        const char c = text[i];
        if (c == '"' || c == '\'') {
            for (++i; i < limit && text[i] != c && text[i] != '\n'; ++i) {
                if (text[i] == '\\') ++i;
            }
        } else if (c == left) {
            ++depth;
        } else if (c == right && --depth == 0) {
            return i + 1;
        }
    }
    return std::string::npos;
}

bool isIdentifierChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '$';
}

size_t skipSpace(const std::string& text, size_t i) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])) != 0) ++i;
    return i;
}

struct Range {
    size_t begin = 0;
    size_t end = 0;
};

// The body of the first declaration of `method` (a name followed by a parameter list and '{').
std::optional<Range> methodBody(const std::string& text, const std::string& method) {
    size_t from = 0;
    while (true) {
        const size_t at = text.find(method, from);
        if (at == std::string::npos) return std::nullopt;
        from = at + method.size();
        if (at > 0 && isIdentifierChar(text[at - 1])) continue;
        size_t i = skipSpace(text, at + method.size());
        if (i >= text.size() || text[i] != '(') continue;
        const size_t close = matching(text, i, '(', ')', text.size());
        if (close == std::string::npos) return std::nullopt;
        i = skipSpace(text, close);
        if (text.compare(i, 6, "throws") == 0) {
            while (i < text.size() && text[i] != '{' && text[i] != ';') ++i;
        }
        if (i >= text.size() || text[i] != '{') continue;
        const size_t end = matching(text, i, '{', '}', text.size());
        if (end == std::string::npos) return std::nullopt;
        return Range{i, end};
    }
}

struct Call {
    size_t offset = 0;       // of the argument
    std::string argument;
};

// The first call `callee(` in [range) with its single argument's text.
std::optional<Call> firstCall(const std::string& text, const std::string& callee, Range range) {
    size_t from = range.begin;
    while (true) {
        const size_t at = text.find(callee, from);
        if (at == std::string::npos || at >= range.end) return std::nullopt;
        from = at + callee.size();
        if (at > 0 && isIdentifierChar(text[at - 1])) continue;
        const size_t open = skipSpace(text, at + callee.size());
        if (open >= range.end || text[open] != '(') continue;
        const size_t close = matching(text, open, '(', ')', range.end);
        if (close == std::string::npos) return std::nullopt;
        std::string argument = text.substr(open + 1, close - open - 2);
        argument.erase(std::remove_if(argument.begin(), argument.end(),
                                      [](char c) { return c == '\n' || c == '\r' || c == '\t'; }),
                       argument.end());
        while (!argument.empty() && argument.front() == ' ') argument.erase(argument.begin());
        while (!argument.empty() && argument.back() == ' ') argument.pop_back();
        return Call{open + 1, argument};
    }
}

int lineOf(const std::string& text, size_t offset) {
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(
                                                                         std::min(offset, text.size())),
                                           '\n'));
}

Constants fileConstants(const std::string& text) {
    Constants constants;
    static const std::regex kConstant(R"re(\bString\s+([A-Z_][A-Z0-9_]*)\s*=\s*"([^"\\\n]*)")re");
    for (std::sregex_iterator it(text.begin(), text.end(), kConstant), end; it != end; ++it) {
        constants.emplace_back((*it)[1], (*it)[2]);
    }
    return constants;
}

// The category an argument names: a string literal, or a constant (Intent.CATEGORY_X, X) found
// in Intent.java, in the file itself, or CATEGORY_HOME, which every release defines.
std::optional<std::string> resolve(const std::string& expression, const Constants& constants) {
    if (expression.size() >= 2 && expression.front() == '"' && expression.back() == '"') {
        return expression.substr(1, expression.size() - 2);
    }
    const size_t dot = expression.rfind('.');
    const std::string name = dot == std::string::npos ? expression : expression.substr(dot + 1);
    if (name.empty() || !std::all_of(name.begin(), name.end(), isIdentifierChar)) return std::nullopt;
    for (const auto& [constant, value] : constants) {
        if (constant == name) return value;
    }
    if (name == "CATEGORY_HOME") return std::string(kHome);
    return std::nullopt;
}

SourceSite judged(std::string site, std::string code, const std::string& text, const Call& call,
                  const std::string& fileName, const Constants& constants) {
    SourceSite found;
    found.site = std::move(site);
    found.code = std::move(code);
    found.expression = call.argument;
    found.where = SourceLocation{fileName, lineOf(text, call.offset), 0};
    const std::optional<std::string> category = resolve(call.argument, constants);
    if (!category) {
        found.status = SiteStatus::Unknown;
        found.note = "'" + call.argument + "' could not be resolved to a category string";
        return found;
    }
    found.category = *category;
    if (*category == kHome) {
        found.status = SiteStatus::Stock;
    } else if (*category == kHomeFirst) {
        found.status = SiteStatus::Patched;
    } else {
        found.status = SiteStatus::Custom;
        found.note = "a custom category: Hearth models HOME and HOME_FIRST only, so answers treat "
                     "this site as stock";
    }
    return found;
}

SourceSite notFound(std::string site, std::string code, const std::string& fileName,
                    std::string why) {
    SourceSite found;
    found.site = std::move(site);
    found.code = std::move(code);
    found.status = SiteStatus::Unknown;
    found.where = SourceLocation{fileName, 0, 0};
    found.note = std::move(why);
    return found;
}

}  // namespace

const char* siteStatusName(SiteStatus status) {
    switch (status) {
        case SiteStatus::Stock: return "stock";
        case SiteStatus::Patched: return "patched";
        case SiteStatus::Custom: return "custom";
        case SiteStatus::Unknown: return "unknown";
        case SiteStatus::NotPresent: return "not-present";
    }
    return "unknown";
}

std::vector<SourceSite> scanJavaSource(std::string_view source, const std::string& fileName,
                                       const Constants& categoryConstants) {
    const std::string text = blankComments(source);
    Constants constants = categoryConstants;
    for (auto& constant : fileConstants(text)) constants.push_back(std::move(constant));
    const std::string base = fs::path(fileName).filename().string();
    const Range whole{0, text.size()};
    std::vector<SourceSite> sites;
    // The category a method's first addCategory/hasCategory call passes.
    auto inMethod = [&](const char* site, const std::string& cls, const char* method,
                        const char* callee) -> std::optional<SourceSite> {
        const std::optional<Range> body = methodBody(text, method);
        if (!body) return std::nullopt;
        const std::optional<Call> call = firstCall(text, callee, *body);
        const std::string code = cls + "." + method;
        if (!call) {
            return notFound(site, code, fileName,
                            std::string("no ") + callee + "() call in " + method + "()");
        }
        return judged(site, code, text, *call, fileName, constants);
    };
    if (base == "ActivityManagerService.java" || base == "ActivityTaskManagerService.java") {
        const std::string cls = base.substr(0, base.size() - 5);
        std::optional<SourceSite> boot = inMethod(home_site::kBoot, cls, "getHomeIntent", "addCategory");
        if (!boot) boot = inMethod(home_site::kBoot, cls, "startHomeActivityLocked", "addCategory");
        sites.push_back(boot ? *boot
                             : notFound(home_site::kBoot, cls + ".startHomeActivityLocked", fileName,
                                        "neither getHomeIntent() nor startHomeActivityLocked() found"));
    } else if (base == "HistoryRecord.java" || base == "ActivityRecord.java") {
        const std::string cls = base.substr(0, base.size() - 5);
        std::optional<SourceSite> check = inMethod(home_site::kIsHome, cls, "isHomeIntent", "hasCategory");
        if (!check) {
            // 2.x-9: the constructor's test "hasCategory(X) && getCategories().size() == 1".
            const size_t size = text.find("getCategories().size()");
            if (size != std::string::npos) {
                const size_t begin = size > 400 ? size - 400 : 0;
                std::optional<Call> call;
                for (size_t from = begin;;) {
                    std::optional<Call> next = firstCall(text, "hasCategory", Range{from, size});
                    if (!next) break;
                    call = next;
                    from = next->offset;
                }
                if (call) check = judged(home_site::kIsHome, cls + " (home activity check)", text, *call, fileName, constants);
            }
        }
        sites.push_back(check ? *check
                              : notFound(home_site::kIsHome, cls + " (home activity check)", fileName,
                                         "no isHomeIntent() and no hasCategory() beside "
                                         "getCategories().size()"));
    } else if (base == "PhoneWindowManager.java" || base == "MidWindowManager.java") {
        const char* site = base == "MidWindowManager.java" ? home_site::kHomeKeyMid : home_site::kHomeKey;
        const std::string code = base.substr(0, base.size() - 5) + ".mHomeIntent";
        const std::optional<Call> call = firstCall(text, "mHomeIntent.addCategory", whole);
        sites.push_back(call ? judged(site, code, text, *call, fileName, constants)
                             : notFound(site, code, fileName, "no mHomeIntent.addCategory() call"));
    } else if (base == "RecentApplicationsDialog.java") {
        const std::string code = "RecentApplicationsDialog.reloadButtons";
        const std::optional<Range> body = methodBody(text, "reloadButtons");
        const std::optional<Call> call = firstCall(text, "addCategory", body ? *body : whole);
        sites.push_back(call ? judged(home_site::kRecents, code, text, *call, fileName, constants)
                             : notFound(home_site::kRecents, code, fileName, "no addCategory() call"));
    }
    return sites;
}

namespace {

const char* const kSiteFiles[] = {
    "ActivityManagerService.java",   "ActivityTaskManagerService.java", "HistoryRecord.java",
    "ActivityRecord.java",           "PhoneWindowManager.java",         "MidWindowManager.java",
    "RecentApplicationsDialog.java",
};

constexpr int kMaxSourceDepth = 24;

bool skippedFolder(const std::string& name) {
    return name.empty() || name[0] == '.' || name == "out" || name == "tests" || name == "test";
}

}  // namespace

FrameworkPatch FrameworkSourceScan::patch() const {
    FrameworkPatch result;
    std::map<std::string, bool> all;  // site -> every place patched
    for (const SourceSite& site : sites) {
        const bool patched = site.status == SiteStatus::Patched;
        auto [it, inserted] = all.emplace(site.site, patched);
        if (!inserted) it->second = it->second && patched;
    }
    for (const auto& [site, patched] : all) {
        if (patched) result.homeFirstSites.insert(site);
    }
    return result;
}

Result<FrameworkSourceScan> scanFrameworkSource(const fs::path& root) {
    std::error_code ec;
    if (!fs::is_directory(root, ec)) {
        return makeError("cannot read framework source '" + root.string() + "': not a folder");
    }
    std::map<std::string, std::vector<fs::path>> found;  // file name -> paths, sorted
    std::optional<fs::path> intentJava;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const std::string name = it->path().filename().string();
        std::error_code typeError;
        if (it->is_directory(typeError)) {
            if (skippedFolder(name) || it.depth() >= kMaxSourceDepth) it.disable_recursion_pending();
            continue;
        }
        if (name == "Intent.java" && it->path().parent_path().filename() == "content") {
            intentJava = it->path();
        }
        for (const char* file : kSiteFiles) {
            if (name == file) found[name].push_back(it->path());
        }
    }
    if (ec) {
        return makeError("cannot read framework source '" + root.string() +
                         "': " + text::lowerFirst(ec.message()));
    }
    if (found.empty()) {
        return makeError("'" + root.string() +
                         "' holds none of the files of the home call sites "
                         "(ActivityManagerService.java, ActivityTaskManagerService.java, "
                         "PhoneWindowManager.java, ...): is it a frameworks/ checkout?");
    }
    FrameworkSourceScan scan;
    scan.root = root;
    Constants constants;
    if (intentJava) {
        Result<std::string> text = detail::readFileCapped(*intentJava, limits::kMaxJavaSourceBytes);
        if (text) {
            constants = fileConstants(blankComments(*text));
        } else {
            scan.diagnostics.push_back(Diagnostic{Diagnostic::Severity::Warning, {}, text.error().message});
        }
    }
    auto relative = [&](const fs::path& path) {
        std::error_code e;
        const fs::path r = fs::relative(path, root, e);
        return e || r.empty() ? path.generic_string() : (root / r).generic_string();
    };
    std::map<std::string, bool> seen;
    for (auto& [name, paths] : found) {
        std::sort(paths.begin(), paths.end());
        for (const fs::path& path : paths) {
            Result<std::string> text = detail::readFileCapped(path, limits::kMaxJavaSourceBytes);
            if (!text) {
                scan.diagnostics.push_back(
                    Diagnostic{Diagnostic::Severity::Warning, {}, text.error().message});
                continue;
            }
            for (SourceSite& site : scanJavaSource(*text, relative(path), constants)) {
                seen[site.site] = true;
                scan.sites.push_back(std::move(site));
            }
        }
    }
    // Android 10+ (ActivityTaskManagerService): the HOME key starts home through getHomeIntent
    // too, and neither MidWindowManager nor the category-based recents dialog exists.
    const bool modern = found.count("ActivityTaskManagerService.java") > 0;
    for (const std::string& site : homeSiteIds()) {
        if (seen[site]) continue;
        SourceSite missing;
        missing.site = site;
        if (modern && (site == home_site::kHomeKeyMid || site == home_site::kRecents)) {
            missing.status = SiteStatus::NotPresent;
            missing.note = "not in Android 10+ sources";
        } else {
            missing.status = SiteStatus::Unknown;
            missing.note = "no file of this call site was found";
        }
        scan.sites.push_back(std::move(missing));
    }
    // Report order: the call sites' own order, places in path order within a site.
    const std::vector<std::string>& order = homeSiteIds();
    std::stable_sort(scan.sites.begin(), scan.sites.end(), [&](const SourceSite& a, const SourceSite& b) {
        return std::find(order.begin(), order.end(), a.site) < std::find(order.begin(), order.end(), b.site);
    });
    return scan;
}

std::string renderFrameworkScan(const FrameworkSourceScan& scan) {
    std::string out = "Framework source " + scan.root.generic_string() + ": " +
                      describePatch(scan.patch()) + "\n";
    for (const SourceSite& site : scan.sites) {
        std::string line = "  " + site.site;
        line.resize(std::max<size_t>(line.size() + 1, 16), ' ');
        std::string status = siteStatusName(site.status);
        status.resize(std::max<size_t>(status.size() + 1, 12), ' ');
        line += status;
        if (!site.category.empty()) {
            line += site.category;
        } else if (!site.expression.empty()) {
            line += site.expression;
        }
        const std::string where = site.where.prefix();
        if (!where.empty()) line += "  " + where.substr(0, where.size() - 2);
        if (!site.code.empty()) line += "  (" + site.code + ")";
        if (!site.note.empty()) line += ": " + site.note;
        out += line + "\n";
    }
    for (const Diagnostic& diagnostic : scan.diagnostics) out += "  " + diagnostic.toString() + "\n";
    return out;
}

}  // namespace hearth
