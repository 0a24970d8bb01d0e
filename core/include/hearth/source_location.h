#pragma once
// Where something came from: a file (or APK) and a 1-based line and column. Every element and
// filter keeps one so that every answer can point at its source.

#include <memory>
#include <ostream>
#include <string>
#include <string_view>

namespace hearth {

/// The path of a source file, one copy shared by every location in that file: a device's 10,000
/// manifests hold about 350,000 element locations, and copying the path into each was an eighth
/// of the loaded model's memory. It reads like the std::string it holds.
class SourcePath {
  public:
    SourcePath() = default;
    SourcePath(std::string path)  // NOLINT(google-explicit-constructor): a path is a path
        : m_path(path.empty() ? nullptr : std::make_shared<const std::string>(std::move(path))) {}
    SourcePath(const char* path) : SourcePath(std::string(path)) {}       // NOLINT
    SourcePath(std::string_view path) : SourcePath(std::string(path)) {}  // NOLINT

    /// The path, "" when unknown.
    const std::string& str() const { return m_path ? *m_path : emptyPath(); }
    operator const std::string&() const { return str(); }  // NOLINT
    bool empty() const { return !m_path; }
    std::size_t size() const { return str().size(); }
    const char* c_str() const { return str().c_str(); }

    friend bool operator==(const SourcePath& a, const SourcePath& b) {
        return a.m_path == b.m_path || a.str() == b.str();
    }
    friend bool operator==(const SourcePath& a, const std::string& b) { return a.str() == b; }
    friend bool operator==(const SourcePath& a, std::string_view b) { return a.str() == b; }
    friend bool operator==(const SourcePath& a, const char* b) { return a.str() == b; }
    friend std::string operator+(const SourcePath& a, const std::string& b) { return a.str() + b; }
    friend std::string operator+(const SourcePath& a, const char* b) { return a.str() + b; }
    friend std::string operator+(const std::string& a, const SourcePath& b) { return a + b.str(); }
    friend std::string operator+(const char* a, const SourcePath& b) { return a + b.str(); }
    friend std::ostream& operator<<(std::ostream& out, const SourcePath& path) {
        return out << path.str();
    }

  private:
    static const std::string& emptyPath() {
        static const std::string empty;
        return empty;
    }
    std::shared_ptr<const std::string> m_path;  // null for ""
};

struct SourceLocation {
    SourcePath file;  ///< path as given by the user, or "app.apk!AndroidManifest.xml"
    int line = 0;     ///< 1-based; 0 when unknown (for APKs: the element index)
    int column = 0;   ///< 1-based; 0 when unknown

    /// "file:line:col: " (parts that are unknown are left out), or "" when nothing is known.
    std::string prefix() const {
        if (file.empty() && line == 0) return {};
        std::string out = file.str();
        if (line > 0) {
            out += ":" + std::to_string(line);
            if (column > 0) out += ":" + std::to_string(column);
        }
        return out + ": ";
    }
};

/// A warning or error attached to a parse result.
struct Diagnostic {
    enum class Severity { Warning, Error };
    Severity severity = Severity::Warning;
    SourceLocation where;
    std::string message;

    /// "file:line:col: warning: message" (or "error: ").
    std::string toString() const {
        return where.prefix() + (severity == Severity::Warning ? "warning: " : "error: ") + message;
    }
};

}  // namespace hearth
