// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/model/body.hpp"

#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "painlog/util/error.hpp"
#include "painlog/util/parse.hpp"
#include "painlog/util/suggest.hpp"

namespace painlog {
namespace {

// One spelling a person may type and the stable names it stands for (two
// for a group such as "feet").
struct Spelling {
    std::string_view text;
    std::string_view first, second;
};

// Every spelling of a vocabulary, in vocabulary order (names, then their
// aliases, then groups), for lookup and for suggestions.
struct Spellings {
    std::vector<Spelling> list;
    std::unordered_map<std::string_view, std::size_t> by_text;  // into list
    std::unordered_map<std::string_view, std::size_t> index;    // stable name -> vocabulary position
};

template <typename Item>
void add_items(Spellings& s, std::span<const Item> items) {
    for (std::size_t i = 0; i < items.size(); ++i) {
        s.index.emplace(items[i].name, i);
        s.list.push_back({items[i].name, items[i].name, {}});
        for (auto alias : items[i].aliases) s.list.push_back({alias, items[i].name, {}});
    }
}

Spellings index_spellings(Spellings s) {
    for (std::size_t i = 0; i < s.list.size(); ++i) s.by_text.emplace(s.list[i].text, i);
    return s;
}

const Spellings& region_spellings() {
    static const Spellings spellings = [] {
        Spellings s;
        add_items(s, body_regions());
        for (const auto& g : region_groups()) s.list.push_back({g.name, g.left, g.right});
        return index_spellings(std::move(s));
    }();
    return spellings;
}

const Spellings& quality_spellings() {
    static const Spellings spellings = [] {
        Spellings s;
        add_items(s, pain_qualities());
        return index_spellings(std::move(s));
    }();
    return spellings;
}

// "Left Foot", "left_foot", "l-foot" -> "left-foot": lower case, words
// joined by single hyphens, a leading l- or r- spelled out.
std::string normalized(std::string_view word) {
    std::string out;
    for (char c : ascii_lower(trim(word))) {
        bool separator = c == ' ' || c == '_' || c == '-' || c == '\t';
        if (separator && (out.empty() || out.back() == '-')) continue;
        out += separator ? '-' : c;
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    if (out.starts_with("l-")) out.replace(0, 1, "left");
    else if (out.starts_with("r-")) out.replace(0, 1, "right");
    return out;
}

// The names a mistyped word may have meant: both sides of a name given
// without one ("foot": left-foot, right-foot, feet), else the spellings
// within a typing slip, as the names they stand for.
std::vector<std::string_view> suggestions(const std::string& word, const Spellings& s) {
    std::vector<std::string_view> names;
    for (auto side : {"left-", "right-"})
        if (auto it = s.by_text.find(side + word); it != s.by_text.end()) names.push_back(s.list[it->second].first);
    if (!names.empty()) {
        for (const auto& sp : s.list)
            if (!sp.second.empty() && sp.first == names.front()) names.push_back(sp.text);
        return names;
    }
    std::vector<std::string_view> texts;
    for (const auto& sp : s.list) texts.push_back(sp.text);
    for (auto text : closest_names(word, texts, texts.size())) {
        const auto& sp = s.list[s.by_text.at(text)];
        auto name = sp.second.empty() ? sp.first : sp.text;  // a group is typed as itself
        if (std::ranges::find(names, name) == names.end() && names.size() < 3) names.push_back(name);
    }
    return names;
}

// What the messages of one vocabulary say.
struct Vocabulary {
    const Spellings& spellings;
    std::string_view what;          // "body region"
    std::string_view examples;      // "left-foot or lower-back"
    std::string_view list_command;  // "painlog body regions"
    void (*add)(std::vector<std::string>&, std::string_view);
};

std::vector<std::string> parse_names(std::string_view text, std::string_view option, const Vocabulary& v) {
    const auto& s = v.spellings;
    auto prefix = option.empty() ? fmt::format("{}", text) : fmt::format("{} {}", option, text);
    std::vector<std::string> names;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto comma = text.find(',', start);
        auto part = text.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
        start = comma == std::string_view::npos ? text.size() + 1 : comma + 1;
        auto word = normalized(part);
        if (word.empty()) continue;
        auto it = s.by_text.find(word);
        if (it == s.by_text.end()) {
            auto close = suggestions(word, s);
            auto shown = word == trim(text) ? prefix : fmt::format("{} ({})", prefix, word);
            if (close.empty())
                throw InputError(fmt::format("{}: unknown {}; expected a name such as {} ({} lists all {})", shown,
                                             v.what, v.examples, v.list_command, s.index.size()));
            throw InputError(fmt::format("{}: unknown {}; did you mean {}? ({} lists all {})", shown, v.what,
                                         either_of(close), v.list_command, s.index.size()));
        }
        v.add(names, s.list[it->second].first);
        if (!s.list[it->second].second.empty()) v.add(names, s.list[it->second].second);
    }
    if (names.empty())
        throw InputError(fmt::format("{}: expected a {} such as {} ({} lists them)", prefix, v.what, v.examples,
                                     v.list_command));
    return names;
}

// Inserts keeping vocabulary order; names outside it go last, by name.
void add_in_order(std::vector<std::string>& names, std::string_view name, const Spellings& s) {
    auto rank = [&](std::string_view n) {
        auto it = s.index.find(n);
        return std::pair(it == s.index.end() ? s.index.size() : it->second, n);
    };
    auto wanted = rank(name);
    auto pos = std::ranges::lower_bound(names, wanted, {}, [&](const std::string& n) { return rank(n); });
    if (pos == names.end() || *pos != name) names.insert(pos, std::string(name));
}

template <std::size_t N>
std::bitset<N> set_of(const std::vector<std::string>& names, const Spellings& s) {
    std::bitset<N> set;
    for (const auto& name : names)
        if (auto it = s.index.find(name); it != s.index.end()) set.set(it->second);
    return set;
}

std::optional<std::size_t> index_in(std::string_view name, const Spellings& s) {
    auto it = s.index.find(name);
    return it == s.index.end() ? std::nullopt : std::optional(it->second);
}

}  // namespace

std::optional<std::size_t> region_index(std::string_view name) { return index_in(name, region_spellings()); }
std::optional<std::size_t> quality_index(std::string_view name) { return index_in(name, quality_spellings()); }

std::string_view region_label(std::string_view name) {
    auto i = region_index(name);
    return i ? body_regions()[*i].label : name;
}

std::string_view quality_label(std::string_view name) {
    auto i = quality_index(name);
    return i ? pain_qualities()[*i].label : name;
}

std::vector<std::string> parse_regions(std::string_view text, std::string_view option) {
    return parse_names(text, option,
                       {region_spellings(), "body region", "left-foot or lower-back", "painlog body regions", add_region});
}

std::vector<std::string> parse_qualities(std::string_view text, std::string_view option) {
    return parse_names(text, option,
                       {quality_spellings(), "pain quality", "burning or aching", "painlog body qualities", add_quality});
}

void add_region(std::vector<std::string>& regions, std::string_view name) {
    add_in_order(regions, name, region_spellings());
}

void add_quality(std::vector<std::string>& qualities, std::string_view name) {
    add_in_order(qualities, name, quality_spellings());
}

RegionSet region_set(const std::vector<std::string>& names) { return set_of<max_regions>(names, region_spellings()); }

QualitySet quality_set(const std::vector<std::string>& names) {
    return set_of<max_qualities>(names, quality_spellings());
}

WpiSet wpi_areas(const RegionSet& regions) {
    WpiSet areas;
    auto all = body_regions();
    for (std::size_t i = 0; i < all.size(); ++i)
        if (regions.test(i) && all[i].wpi) areas.set(static_cast<std::size_t>(*all[i].wpi));
    return areas;
}

std::string joined_names(const std::vector<std::string>& names, std::string_view separator) {
    std::string out;
    for (const auto& name : names) out += (out.empty() ? "" : std::string(separator)) + name;
    return out;
}

}  // namespace painlog
