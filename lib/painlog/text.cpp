#include "painlog/text.hpp"

#include <utf8proc.h>

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

std::string pad_right(std::string_view text, std::size_t width) {
    auto w = display_width(text);
    return std::string(text) + std::string(w < width ? width - w : 0, ' ');
}

std::string pad_left(std::string_view text, std::size_t width) {
    auto w = display_width(text);
    return std::string(w < width ? width - w : 0, ' ') + std::string(text);
}

}  // namespace painlog
