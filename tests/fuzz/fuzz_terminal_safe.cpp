// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: terminal_safe, which stands between a diary's text (or an
// imported file's) and the terminal. Whatever the bytes:
//  - the result is valid UTF-8 without C0 controls, DEL or C1 controls,
//    except newline, tab and painlog's own colour codes (the calendar's
//    256-colour and 24-bit foregrounds among them) where
//    Controls::keep_layout lets them through;
//  - escaping the text in two pieces, as standard output does when a write
//    ends inside a sequence, gives the same bytes as escaping it whole.

#include <cctype>
#include <cstdint>
#include <utility>
#include <string>

#include "fuzz_support.hpp"
#include "painlog/util/parse.hpp"
#include "painlog/util/text.hpp"

using namespace painlog;

namespace {

constexpr std::string_view colour_codes[] = {"\033[0m", "\033[1m", "\033[2m", "\033[31m", "\033[32m", "\033[33m"};

// ESC[38;5;Nm or ESC[38;2;R;G;Bm with numbers 0-255 of 1-3 digits: its
// length, or 0.
std::size_t foreground_length(std::string_view text) {
    for (auto [prefix, numbers] : {std::pair<std::string_view, int>{"\033[38;5;", 1}, {"\033[38;2;", 3}}) {
        if (!text.starts_with(prefix)) continue;
        std::size_t pos = prefix.size();
        for (int i = 0; i < numbers; ++i) {
            std::size_t digits = 0;
            while (pos + digits < text.size() && digits < 3 && std::isdigit(static_cast<unsigned char>(text[pos + digits])))
                ++digits;
            if (digits == 0 || std::stoi(std::string(text.substr(pos, digits))) > 255) return 0;
            pos += digits;
            if (pos >= text.size() || text[pos] != (i + 1 < numbers ? ';' : 'm')) return 0;
            ++pos;
        }
        return pos;
    }
    return 0;
}

bool only_safe_characters(std::string_view text, Controls controls) {
    if (!is_valid_utf8(text)) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if (controls == Controls::keep_layout && (c == '\n' || c == '\t')) continue;
        if (controls == Controls::keep_layout && c == 0x1b) {
            bool own = false;
            for (auto code : colour_codes)
                if (text.substr(i).starts_with(code)) {
                    own = true;
                    i += code.size() - 1;
                    break;
                }
            if (own) continue;
            if (auto length = foreground_length(text.substr(i)); length > 0) {
                i += length - 1;
                continue;
            }
        }
        if (c < 0x20 || c == 0x7f) return false;
        if (c == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) < 0xa0) return false;
    }
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // The first byte picks where the text is cut in two.
    std::size_t cut = size > 0 ? data[0] : 0;
    auto text = fuzz::as_text(data, size);
    if (size > 0) text.remove_prefix(1);
    cut = std::min(cut, text.size());
    for (auto controls : {Controls::escape_all, Controls::keep_layout}) {
        auto whole = terminal_safe(text, controls);
        fuzz::require(only_safe_characters(whole, controls), "terminal_safe let a control character through");
        std::string pieces;
        auto used = append_terminal_safe(text.substr(0, cut), pieces, controls, false);
        fuzz::require(used <= cut, "append_terminal_safe consumed more than it was given");
        auto rest = std::string(text.substr(used));
        append_terminal_safe(rest, pieces, controls, true);
        fuzz::require(pieces == whole, "escaping in two pieces differs from escaping whole");
    }
    return 0;
}
