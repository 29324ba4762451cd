#include "painlog/csv_reader.hpp"

#include <fmt/format.h>

namespace painlog {
namespace {

// Length of the UTF-8 sequence starting at s[i], or 0 when it is invalid.
std::size_t utf8_length(std::string_view s, std::size_t i) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    auto c = byte(i);
    if (c < 0x80) return 1;
    std::size_t len = 0;
    unsigned min = 0;
    if ((c & 0xe0) == 0xc0) len = 2, min = 0x80;
    else if ((c & 0xf0) == 0xe0) len = 3, min = 0x800;
    else if ((c & 0xf8) == 0xf0) len = 4, min = 0x10000;
    else return 0;
    if (i + len > s.size()) return 0;
    unsigned code = c & (0xffu >> (len + 1));
    for (std::size_t k = 1; k < len; ++k) {
        if ((byte(i + k) & 0xc0) != 0x80) return 0;
        code = (code << 6) | (byte(i + k) & 0x3fu);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return 0;
    return len;
}

bool is_forbidden_control(char c) {
    auto u = static_cast<unsigned char>(c);
    return (u < 0x20 && c != '\t' && c != '\r' && c != '\n') || u == 0x7f;
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        auto len = utf8_length(text, i);
        if (len == 0) return false;
        i += len;
    }
    return true;
}

CsvTable read_csv(std::string_view text) {
    CsvTable table;
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    std::size_t line = 1;
    auto fail = [&](std::size_t at_line, std::string message) {
        table.problem = CsvProblem{at_line, std::move(message)};
        return table;
    };
    // Binary first: a file with NUL bytes or invalid UTF-8 is not a CSV file.
    {
        std::size_t l = 1;
        for (std::size_t i = 0; i < text.size();) {
            char c = text[i];
            if (c == '\0') return fail(l, "NUL byte: this is not a text file");
            if (is_forbidden_control(c))
                return fail(l, fmt::format("control character 0x{:02x}: this is not a text file",
                                           static_cast<unsigned char>(c)));
            auto len = utf8_length(text, i);
            if (len == 0) return fail(l, "invalid UTF-8: expected a UTF-8 text file");
            if (c == '\n') ++l;
            i += len;
        }
    }

    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        // An empty line is not a record.
        if (text[i] == '\n') { ++line, ++i; continue; }
        if (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n') { ++line, i += 2; continue; }
        CsvRow row{line, {}};
        bool end_of_record = false;
        while (!end_of_record) {
            std::string field;
            if (i < n && text[i] == '"') {
                std::size_t start_line = line;
                ++i;
                bool closed = false;
                while (i < n) {
                    char c = text[i];
                    if (c == '"') {
                        if (i + 1 < n && text[i + 1] == '"') { field += '"'; i += 2; continue; }
                        ++i;
                        closed = true;
                        break;
                    }
                    if (c == '\n') ++line;
                    field += c;
                    ++i;
                }
                if (!closed)
                    return fail(start_line, "unterminated quoted field (the file may be truncated)");
                if (i < n && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
                    return fail(line, "expected a comma or the end of the line after a closing quote");
            } else {
                while (i < n && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
                    if (text[i] == '"')
                        return fail(line, "quote inside an unquoted field; quote the field and double the quote");
                    field += text[i];
                    ++i;
                }
            }
            row.fields.push_back(std::move(field));
            if (i >= n) {
                end_of_record = true;
            } else if (text[i] == ',') {
                ++i;
            } else if (text[i] == '\n') {
                ++i, ++line;
                end_of_record = true;
            } else {  // '\r'
                if (i + 1 >= n || text[i + 1] != '\n')
                    return fail(line, "carriage return without a line feed outside a quoted field");
                i += 2, ++line;
                end_of_record = true;
            }
        }
        table.rows.push_back(std::move(row));
    }
    return table;
}

}  // namespace painlog
