#pragma once
// Where something came from: a file (or APK) and a 1-based line and column. Every element and
// filter keeps one so that every answer can point at its source.

#include <string>

namespace hearth {

struct SourceLocation {
    std::string file;  ///< path as given by the user, or "app.apk!AndroidManifest.xml"
    int line = 0;      ///< 1-based; 0 when unknown (for APKs: the element index)
    int column = 0;    ///< 1-based; 0 when unknown

    /// "file:line:col: " (parts that are unknown are left out), or "" when nothing is known.
    std::string prefix() const {
        if (file.empty() && line == 0) return {};
        std::string out = file;
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
