// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/util/text.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>
#include <utf8proc.h>

#include "painlog/util/parse.hpp"

namespace painlog {
namespace {

// Calls `visit(codepoint, byte_offset, byte_length)` for each code point;
// invalid bytes are treated as one column each.
template <typename Visit>
void for_each_codepoint(std::string_view text, Visit visit) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        utf8proc_int32_t cp = 0;
        auto len = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos),
                                    static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
        std::size_t step = len > 0 ? static_cast<std::size_t>(len) : 1;
        if (!visit(len > 0 ? cp : utf8proc_int32_t{'?'}, pos, step)) return;
        pos += step;
    }
}

// The colour codes painlog itself writes (table.cpp), allowed through
// Controls::keep_layout. Colour cannot move the cursor or hide text.
constexpr std::array<std::string_view, 6> own_colour_codes{"\033[0m", "\033[1m", "\033[2m",
                                                             "\033[31m", "\033[32m", "\033[33m"};

// The calendar's foreground colours, allowed through as well:
// ESC[38;5;Nm (256 colours) and ESC[38;2;R;G;Bm (24-bit), each number at
// most three digits and 255. Returns the code's length, 0 when `text` does
// not start with one, -1 when it ends inside what could still become one.
int foreground_colour_length(std::string_view text) {
    constexpr std::string_view palette = "\033[38;5;", truecolor = "\033[38;2;";
    std::size_t numbers = 0, pos = 0;
    if (text.starts_with(palette)) numbers = 1, pos = palette.size();
    else if (text.starts_with(truecolor)) numbers = 3, pos = truecolor.size();
    else return palette.starts_with(text) || truecolor.starts_with(text) ? -1 : 0;
    for (std::size_t i = 0; i < numbers; ++i) {
        std::size_t start = pos;
        int value = 0;
        while (pos < text.size() && pos - start < 3 && text[pos] >= '0' && text[pos] <= '9')
            value = value * 10 + (text[pos++] - '0');
        if (pos == text.size()) return -1;
        if (pos == start || value > 255 || text[pos] != (i + 1 < numbers ? ';' : 'm')) return 0;
        ++pos;
    }
    return static_cast<int>(pos);
}

// The length of a valid UTF-8 sequence at the start of `text` (parse.hpp's
// strict rules), 0 when there is none, or -1 when `text` ends inside what
// could still become one.
int complete_sequence_length(std::string_view text) {
    auto lead = static_cast<unsigned char>(text[0]);
    std::size_t wanted = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xe ? 3 : (lead >> 3) == 0x1e ? 4 : 1;
    if (text.size() < wanted) {
        bool continuing = std::all_of(text.begin() + 1, text.end(),
                                      [](char c) { return (static_cast<unsigned char>(c) >> 6) == 0x2; });
        if (continuing) return -1;
    }
    return static_cast<int>(utf8_length(text, 0));
}

std::size_t width_of(utf8proc_int32_t cp) {
    int w = utf8proc_charwidth(cp);
    return w < 0 ? 0 : static_cast<std::size_t>(w);
}

}  // namespace

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for_each_codepoint(text, [&](utf8proc_int32_t cp, std::size_t, std::size_t) {
        width += width_of(cp);
        return true;
    });
    return width;
}

std::string truncate_to_width(std::string_view text, std::size_t width) {
    if (display_width(text) <= width) return std::string(text);
    if (width == 0) return {};
    std::string out;
    std::size_t used = 0;
    for_each_codepoint(text, [&](utf8proc_int32_t cp, std::size_t pos, std::size_t len) {
        if (used + width_of(cp) > width - 1) return false;
        used += width_of(cp);
        out.append(text.substr(pos, len));
        return true;
    });
    return out + "…";
}

std::string one_line(std::string_view text) {
    std::string out(text);
    for (auto& c : out)
        if (c == '\n' || c == '\t' || c == '\r') c = ' ';
    return out;
}

std::size_t append_terminal_safe(std::string_view text, std::string& out, Controls controls, bool final) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        auto rest = text.substr(pos);
        auto byte = static_cast<unsigned char>(rest[0]);
        if (byte == 0x1b && controls == Controls::keep_layout) {
            auto own = std::ranges::find_if(own_colour_codes, [&](auto code) { return rest.starts_with(code); });
            if (own != own_colour_codes.end()) {
                out += *own;
                pos += own->size();
                continue;
            }
            int foreground = foreground_colour_length(rest);
            if (foreground > 0) {
                out += rest.substr(0, static_cast<std::size_t>(foreground));
                pos += static_cast<std::size_t>(foreground);
                continue;
            }
            bool could_be_own = std::ranges::any_of(own_colour_codes, [&](auto code) { return code.starts_with(rest); });
            if ((could_be_own || foreground < 0) && !final) return pos;
        }
        int len = complete_sequence_length(rest);
        if (len < 0 && !final) return pos;
        if (len <= 0) {
            out += fmt::format("\\x{:02x}", byte);
            pos += 1;
            continue;
        }
        auto sequence = rest.substr(0, static_cast<std::size_t>(len));
        bool c0 = byte < 0x20 && !(controls == Controls::keep_layout && (byte == '\n' || byte == '\t'));
        bool c1 = byte == 0xc2 && static_cast<unsigned char>(sequence[1]) < 0xa0;
        if (c0 || byte == 0x7f) out += fmt::format("\\u{:04x}", byte);
        else if (c1) out += fmt::format("\\u{:04x}", static_cast<unsigned char>(sequence[1]));
        else out += sequence;
        pos += sequence.size();
    }
    return pos;
}

std::string terminal_safe(std::string_view text, Controls controls) {
    std::string out;
    out.reserve(text.size());
    append_terminal_safe(text, out, controls);
    return out;
}

std::string pad_right(std::string_view text, std::size_t width) {
    auto w = display_width(text);
    return std::string(text) + std::string(w < width ? width - w : 0, ' ');
}

std::string pad_left(std::string_view text, std::size_t width) {
    auto w = display_width(text);
    return std::string(w < width ? width - w : 0, ' ') + std::string(text);
}

std::string wrap_words(std::string text, std::size_t width, std::string_view first, std::string_view rest) {
    constexpr char glue = '\x1f';
    for (std::size_t at = 0; (at = text.find(" = ", at)) != std::string::npos; at += 3) {
        text[at] = glue;
        text[at + 2] = glue;
    }
    auto unglue = [glue](std::string s) {
        std::replace(s.begin(), s.end(), glue, ' ');
        return s;
    };
    std::string out, line(first);
    bool empty = true;
    std::string_view rest_of_text = text;
    while (!rest_of_text.empty()) {
        auto space = rest_of_text.find(' ');
        auto word = unglue(std::string(rest_of_text.substr(0, space)));
        rest_of_text = space == std::string_view::npos ? std::string_view{} : rest_of_text.substr(space + 1);
        if (word.empty()) continue;
        if (!empty && display_width(line) + 1 + display_width(word) > width) {
            out += line + "\n";
            line = std::string(rest);
            empty = true;
        }
        if (!empty) line += ' ';
        line += word;
        empty = false;
    }
    return out + line + "\n";
}

std::string wrap_paragraph(std::string_view text, std::size_t width) { return wrap_words(std::string(text), width, "", "  "); }

}  // namespace painlog
