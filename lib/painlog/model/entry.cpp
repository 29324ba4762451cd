// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/model/entry.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "painlog/util/error.hpp"
#include "painlog/util/parse.hpp"

namespace painlog {
namespace {

constexpr std::array tag_kind_names{"activity", "better", "worse", "side-effect"};
constexpr std::array rating_names{"pain", "mood", "energy", "sleep_quality", "activity"};
constexpr std::size_t max_tag_bytes = 64;
constexpr std::size_t max_note_bytes = 4000;

// The first control character of UTF-8 text that `allowed` does not list:
// C0, DEL, and C1 (U+0080 to U+009F, bytes C2 80 to C2 9F), which terminals
// act on as they do on ESC.
std::optional<unsigned> first_control(std::string_view text, std::string_view allowed) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if ((c < 0x20 || c == 0x7f) && allowed.find(static_cast<char>(c)) == std::string_view::npos) return c;
        if (c == 0xc2 && i + 1 < text.size()) {
            auto next = static_cast<unsigned char>(text[i + 1]);
            if (next >= 0x80 && next < 0xa0) return next;
        }
    }
    return std::nullopt;
}

}  // namespace

std::string_view name_of(TagKind kind) { return tag_kind_names[static_cast<std::size_t>(kind)]; }

std::optional<TagKind> tag_kind_named(std::string_view name) {
    for (auto kind : all_tag_kinds)
        if (name_of(kind) == name) return kind;
    return std::nullopt;
}

std::string_view name_of(Rating rating) { return rating_names[static_cast<std::size_t>(rating)]; }

std::string_view question_of(Rating rating) {
    switch (rating) {
        case Rating::pain: return "Pain (0 none, 10 worst imaginable)";
        case Rating::mood: return "Mood (0 worst, 10 best)";
        case Rating::energy: return "Energy (0 none, 10 full)";
        case Rating::sleep_quality: return "Quality of last night's sleep (0 worst, 10 best)";
        case Rating::activity: return "Activity you could do (0 none, 10 your usual best)";
    }
    return "";
}

bool Entry::has_values() const {
    return std::ranges::any_of(ratings, [](const auto& r) { return r.has_value(); }) || sleep_hours ||
           !note.empty() || !tags.empty() ||
           !regions.empty() || !qualities.empty();
}

int parse_rating(std::string_view text, std::string_view option) {
    auto value = parse_whole_number(text);
    if (!value || *value < 0 || *value > 10)
        throw InputError(fmt::format("{} {}: expected a whole number from 0 to 10", option, text));
    return *value;
}

double parse_sleep_hours(std::string_view text, std::string_view option) {
    auto bad = [&] {
        return InputError(fmt::format("{} {}: expected hours from 0 to 24 with at most one decimal, like 7.5",
                                      option, text));
    };
    auto dot = text.find('.');
    auto whole = text.substr(0, dot);
    auto fraction = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
    int hours = -1, tenths = 0;
    auto [end, ec] = std::from_chars(whole.data(), whole.data() + whole.size(), hours);
    if (whole.empty() || ec != std::errc{} || end != whole.data() + whole.size()) throw bad();
    if (dot != std::string_view::npos) {
        if (fraction.size() != 1 || fraction[0] < '0' || fraction[0] > '9') throw bad();
        tenths = fraction[0] - '0';
    }
    int total = hours * 10 + tenths;
    if (hours < 0 || total > 240) throw bad();
    return total / 10.0;
}

std::string normalize_tag(std::string_view text, std::string_view option) {
    auto tag = ascii_lower(trim(text));
    bool bad = tag.empty() || tag.size() > max_tag_bytes || !is_valid_utf8(tag) || first_control(tag, "");
    if (bad)
        throw InputError(fmt::format("{} '{}': expected a tag of 1 to {} characters without control characters",
                                     option, text, max_tag_bytes));
    return tag;
}

std::string validate_text(std::string_view text, std::string_view what, std::size_t max_bytes, TextLines lines) {
    auto control = first_control(text, lines == TextLines::many ? "\n\t" : "\t");
    std::string problem = text.size() > max_bytes ? fmt::format("{} bytes", text.size())
                          : !is_valid_utf8(text)  ? "bytes that are not UTF-8"
                          : control               ? fmt::format("the control character U+{:04X}", *control)
                                                  : "";
    if (!problem.empty())
        throw InputError(fmt::format("{}: expected UTF-8 text of at most {} bytes{} without control characters; "
                                     "got {}",
                                     what, max_bytes, lines == TextLines::one ? " on one line" : "", problem));
    return std::string(text);
}

std::string validate_note(std::string_view text, std::string_view option) {
    return validate_text(text, option, max_note_bytes, TextLines::many);
}

void add_tag(std::vector<Tag>& tags, TagKind kind, std::string_view name) {
    // The name is copied only when it is new: summaries add each day's tags
    // once per entry that carries them.
    auto key = [](const Tag& t) { return std::pair<TagKind, std::string_view>(t.kind, t.name); };
    auto wanted = std::pair(kind, name);
    auto pos = std::ranges::lower_bound(tags, wanted, {}, key);
    if (pos == tags.end() || key(*pos) != wanted) tags.insert(pos, Tag{kind, std::string(name)});
}

}  // namespace painlog
