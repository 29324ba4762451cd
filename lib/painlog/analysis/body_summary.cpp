// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/analysis/body_summary.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "painlog/util/table.hpp"

namespace painlog {
namespace {

using BodySummaryJson = nlohmann::ordered_json;

// Days, pain sums and pain days of each bit of a set, over the days.
struct NameCounts {
    std::vector<int> days;
    std::vector<double> pain_sum;
    std::vector<std::size_t> pain_n;
    explicit NameCounts(std::size_t n) : days(n), pain_sum(n), pain_n(n) {}

    template <std::size_t N>
    void add(const std::bitset<N>& set, const std::optional<double>& pain) {
        if (set.none()) return;
        for (std::size_t i = 0; i < days.size(); ++i) {
            if (!set.test(i)) continue;
            ++days[i];
            if (pain) pain_sum[i] += *pain, ++pain_n[i];
        }
    }

    [[nodiscard]] std::vector<BodyNameDays> reported(int days_logged) const {
        std::vector<BodyNameDays> out;
        for (std::size_t i = 0; i < days.size(); ++i) {
            if (days[i] == 0) continue;
            BodyNameDays d{i, days[i], static_cast<double>(days[i]) / days_logged, pain_n[i], std::nullopt};
            if (pain_n[i] > 0) d.mean_pain = pain_sum[i] / static_cast<double>(pain_n[i]);
            out.push_back(d);
        }
        std::ranges::stable_sort(out, std::greater{}, &BodyNameDays::days);  // vocabulary order among equals
        return out;
    }
};

std::vector<WpiWeek> count_wpi_weeks(const std::vector<const DailyValues*>& days, Day from, Day to) {
    std::vector<WpiWeek> weeks;
    for (Day end = to; end - date::days{6} >= from; end -= date::days{7}) weeks.push_back({end - date::days{6}, end, 0, {}});
    std::ranges::reverse(weeks);
    if (weeks.empty()) return weeks;
    for (const auto* d : days) {
        if (d->day < weeks.front().from) continue;  // the short block before the first week
        auto& week = weeks[static_cast<std::size_t>((d->day - weeks.front().from).count() / 7)];
        ++week.days_logged;
        week.areas |= wpi_areas(d->regions);
    }
    return weeks;
}

std::string share_percent(double share) { return fmt::format("{:.0f} %", share * 100); }

std::string body_pain_cell(const BodyNameDays& d) {
    return d.mean_pain ? fmt::format("{:.1f} ({})", *d.mean_pain, d.pain_n) : "–";
}

std::string body_name_table(const std::vector<BodyNameDays>& names, bool regions, Color color) {
    TextTable table({{regions ? "where" : "feels"}, {"days", Align::right}, {"share", Align::right},
                     {"pain (n)", Align::right}});
    for (const auto& d : names)
        table.add_row({{std::string(regions ? body_regions()[d.index].name : pain_qualities()[d.index].name)},
                       {std::to_string(d.days)},
                       {share_percent(d.share)},
                       {body_pain_cell(d)}});
    return table.render(color);
}

BodySummaryJson body_name_json(const BodyNameDays& d, bool regions) {
    BodySummaryJson j;
    if (regions) {
        const auto& r = body_regions()[d.index];
        j["region"] = r.name;
        j["label"] = r.label;
        j["wpi_area"] = r.wpi ? BodySummaryJson(name_of(*r.wpi)) : BodySummaryJson(nullptr);
    } else {
        const auto& q = pain_qualities()[d.index];
        j["quality"] = q.name;
        j["label"] = q.label;
        j["neuropathic"] = q.neuropathic;
    }
    j["days"] = d.days;
    j["share"] = d.share;
    j["pain_n"] = d.pain_n;
    j["mean_pain"] = d.mean_pain ? BodySummaryJson(*d.mean_pain) : BodySummaryJson(nullptr);
    return j;
}

BodySummaryJson wpi_area_names(const WpiSet& areas) {
    auto list = BodySummaryJson::array();
    for (std::size_t i = 0; i < wpi_area_count; ++i)
        if (areas.test(i)) list.push_back(name_of(static_cast<WpiArea>(i)));
    return list;
}

}  // namespace

BodySummary summarize_body(const std::vector<DailyValues>& days, Day from, Day to) {
    BodySummary s;
    s.from = from;
    s.to = to;
    std::vector<const DailyValues*> in_span;
    NameCounts regions(body_regions().size()), qualities(pain_qualities().size());
    std::size_t region_total = 0;
    // Days are sorted: the span's are one range, found by bisection, so that
    // a report analysing every infusion of ten years reads each span alone.
    auto first = std::ranges::lower_bound(days, from, {}, &DailyValues::day);
    for (auto it = first; it != days.end() && it->day <= to; ++it) {
        const auto& d = *it;
        if (d.entries == 0) continue;
        in_span.push_back(&d);
        ++s.days_logged;
        auto pain = d.value(Metric::pain);
        regions.add(d.regions, pain);
        qualities.add(d.qualities, pain);
        auto n = d.regions.count();
        region_total += n;
        s.max_regions_per_day = std::max(s.max_regions_per_day, static_cast<int>(n));
        if (n > 0) ++s.days_with_regions;
        if (d.qualities.any()) ++s.days_with_qualities;
    }
    if (s.days_logged > 0) {
        s.regions_per_day = static_cast<double>(region_total) / s.days_logged;
        s.regions = regions.reported(s.days_logged);
        s.qualities = qualities.reported(s.days_logged);
    }
    s.wpi_weeks = count_wpi_weeks(in_span, from, to);
    return s;
}

std::string body_summary_text(const BodySummary& s, Color color) {
    if (!s.any()) return "";
    std::string out = fmt::format("\nWhere it hurt and how it felt over {} logged days (pain: the mean on those days)\n",
                                  s.days_logged);
    if (!s.regions.empty()) out += body_name_table(s.regions, true, color);
    if (!s.qualities.empty()) out += body_name_table(s.qualities, false, color);
    out += fmt::format("Regions a day: {:.1f} on average over the logged days (most {}; {} days named a region).\n",
                       *s.regions_per_day, s.max_regions_per_day, s.days_with_regions);
    if (s.days_with_regions == 0 || s.wpi_weeks.empty()) return out;
    out += wrap_words("WPI areas reported in each 7-day week (of 19; a count, not the WPI, which a clinician "
                      "assesses):",
                      78, "", "");
    auto first = s.wpi_weeks.size() > max_text_wpi_weeks ? s.wpi_weeks.size() - max_text_wpi_weeks : 0;
    std::string line;
    for (auto i = first; i < s.wpi_weeks.size(); ++i) {
        const auto& w = s.wpi_weeks[i];
        line += fmt::format("{}{} to {}: {}", line.empty() ? "" : "; ", format_day(w.from).substr(5),
                            format_day(w.to).substr(5),
                            w.days_logged == 0 ? std::string("not logged") : std::to_string(w.areas.count()));
    }
    return out + wrap_words(line + ".", 78, "  ", "  ");
}

BodySummaryJson body_summary_json(const BodySummary& s) {
    BodySummaryJson j;
    j["days_logged"] = s.days_logged;
    j["days_with_regions"] = s.days_with_regions;
    j["days_with_qualities"] = s.days_with_qualities;
    j["regions"] = BodySummaryJson::array();
    for (const auto& d : s.regions) j["regions"].push_back(body_name_json(d, true));
    j["qualities"] = BodySummaryJson::array();
    for (const auto& d : s.qualities) j["qualities"].push_back(body_name_json(d, false));
    j["regions_per_day"] = s.regions_per_day ? BodySummaryJson(*s.regions_per_day) : BodySummaryJson(nullptr);
    j["max_regions_per_day"] = s.max_regions_per_day;
    j["wpi_weeks"] = BodySummaryJson::array();
    for (const auto& w : s.wpi_weeks)
        j["wpi_weeks"].push_back({{"from", format_day(w.from)},
                                  {"to", format_day(w.to)},
                                  {"days_logged", w.days_logged},
                                  {"areas_reported", w.areas.count()},
                                  {"areas", wpi_area_names(w.areas)}});
    return j;
}

}  // namespace painlog
