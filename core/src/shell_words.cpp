#include <hearth/shell_words.h>

namespace hearth {
namespace {

bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

}  // namespace

Result<std::vector<ShellWord>> splitShellWords(std::string_view line, const std::string& sourceName,
                                               int lineNumber) {
    std::vector<ShellWord> words;
    size_t i = 0;
    const auto at = [&](size_t column) {
        return SourceLocation{sourceName, lineNumber, static_cast<int>(column) + 1};
    };
    while (true) {
        while (i < line.size() && isBlank(line[i])) ++i;
        if (i >= line.size() || line[i] == '#') break;
        ShellWord word{"", at(i)};
        while (i < line.size() && !isBlank(line[i])) {
            const char c = line[i];
            if (c == '\'') {
                const size_t close = line.find('\'', i + 1);
                if (close == std::string_view::npos) return makeError(at(i), "unterminated ' quote");
                word.text.append(line.substr(i + 1, close - i - 1));
                i = close + 1;
            } else if (c == '"') {
                const size_t open = i++;
                while (i < line.size() && line[i] != '"') {
                    if (line[i] == '\\' && i + 1 < line.size() &&
                        std::string_view("\"\\$`").find(line[i + 1]) != std::string_view::npos) {
                        ++i;
                    }
                    word.text += line[i++];
                }
                if (i >= line.size()) return makeError(at(open), "unterminated \" quote");
                ++i;
            } else if (c == '\\') {
                if (i + 1 >= line.size()) return makeError(at(i), "a backslash ends the line");
                word.text += line[i + 1];
                i += 2;
            } else {
                word.text += c;
                ++i;
            }
        }
        words.push_back(std::move(word));
    }
    return words;
}

}  // namespace hearth
