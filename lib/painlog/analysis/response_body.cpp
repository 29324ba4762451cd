// SPDX-License-Identifier: GPL-3.0-or-later
// Where it hurt and how it felt around each infusion (issue 17): the share
// of logged days each body region and pain quality was reported in the
// baseline and in each window, and regions a day. Apart from response.cpp
// so that the pain and mood analysis reads alone.

#include <algorithm>

#include <fmt/format.h>

#include "painlog/analysis/response.hpp"
#include "painlog/analysis/stats.hpp"
#include "painlog/util/table.hpp"

namespace painlog {
namespace {

using BodyResponseJson = nlohmann::ordered_json;

bool body_window_begun(const ResponseWindow& w) {
    return w.status != WindowStatus::cut_off && w.status != WindowStatus::not_started;
}



BodyResponseJson rounded_or_null(const std::optional<double>& value, int places) {
    return value ? BodyResponseJson(stats::round_to(*value, places)) : BodyResponseJson(nullptr);
}

// The vocabulary positions reported in the baseline or any begun window.
struct ReportedNames {
    RegionSet regions;
    QualitySet qualities;
};

ReportedNames names_reported_in(const InfusionResponse& r) {
    ReportedNames out;
    auto add = [&](const std::optional<BodySummary>& b) {
        if (!b) return;
        for (const auto& d : b->regions) out.regions.set(d.index);
        for (const auto& d : b->qualities) out.qualities.set(d.index);
    };
    add(r.baseline_body);
    for (const auto& w : r.windows) add(w.body);
    return out;
}

// A name's days in a span (0 when not reported there) and its share.
std::pair<int, double> name_days_in(const std::vector<BodyNameDays>& names, std::size_t index) {
    auto it = std::ranges::find(names, index, &BodyNameDays::index);
    return it == names.end() ? std::pair(0, 0.0) : std::pair(it->days, it->share);
}

std::string body_share_cell(const std::optional<BodySummary>& b, bool regions, std::size_t index) {
    if (!b || b->days_logged == 0) return "-";
    return fmt::format("{:.0f} %", name_days_in(regions ? b->regions : b->qualities, index).second * 100);
}

std::string body_name(bool regions, std::size_t index) {
    return std::string(regions ? body_regions()[index].name : pain_qualities()[index].name);
}

// One table: a row per name, a column per span (baseline, then each window).
std::string body_span_table(const InfusionResponse& r, bool regions, Color color) {
    auto reported = names_reported_in(r);
    std::vector<Column> columns{{regions ? "Where" : "Feels"}, {"baseline", Align::right}};
    for (const auto& w : r.windows) columns.push_back({w.label, Align::right});
    TextTable table(columns);
    auto count = regions ? body_regions().size() : pain_qualities().size();
    for (std::size_t i = 0; i < count; ++i) {
        if (!(regions ? reported.regions.test(i) : reported.qualities.test(i))) continue;
        std::vector<Cell> row{{body_name(regions, i)}, {body_share_cell(r.baseline_body, regions, i)}};
        for (const auto& w : r.windows) row.push_back({body_share_cell(w.body, regions, i)});
        table.add_row(row);
    }
    if (regions) {
        auto per_day = [](const std::optional<BodySummary>& b) {
            return b && b->regions_per_day ? fmt::format("{:.1f}", *b->regions_per_day) : std::string("-");
        };
        std::vector<Cell> row{{"regions a day"}, {per_day(r.baseline_body)}};
        for (const auto& w : r.windows) row.push_back({per_day(w.body)});
        table.add_row(row);
    }
    return table.empty() ? "" : table.render(color);
}

BodyResponseJson body_shares_json(const std::optional<BodySummary>& body, const std::optional<BodySummary>& baseline,
                                  bool regions,
                 const ReportedNames& reported, bool is_window) {
    auto list = BodyResponseJson::array();
    if (!body) return list;
    auto count = regions ? body_regions().size() : pain_qualities().size();
    for (std::size_t i = 0; i < count; ++i) {
        if (!(regions ? reported.regions.test(i) : reported.qualities.test(i))) continue;
        auto [days, share] = name_days_in(regions ? body->regions : body->qualities, i);
        BodyResponseJson item{
            {regions ? "region" : "quality", body_name(regions, i)}, {"days", days}, {"share", stats::round_to(share, 3)}};
        if (is_window) {
            std::optional<double> change;
            if (baseline && baseline->days_logged > 0)
                change = share - name_days_in(regions ? baseline->regions : baseline->qualities, i).second;
            item["share_change"] = rounded_or_null(change, 3);
        }
        list.push_back(std::move(item));
    }
    return list;
}

}  // namespace

void add_body_responses(std::vector<InfusionResponse>& responses, const std::vector<DailyValues>& days) {
    bool named = std::ranges::any_of(days, [](const DailyValues& d) { return d.regions.any() || d.qualities.any(); });
    if (!named) return;
    for (auto& r : responses) {
        r.baseline_body = summarize_body(days, r.baseline.from, r.baseline.to);
        for (auto& w : r.windows)
            if (body_window_begun(w)) w.body = summarize_body(days, w.span.from, w.span.to);
    }
}

std::string body_response_text(const InfusionResponse& r, Color color) {
    auto reported = names_reported_in(r);
    if (reported.regions.none() && reported.qualities.none()) return "";
    std::string out = "\n" + body_span_table(r, true, color) + body_span_table(r, false, color);
    return out + wrap_words("Share of logged days each region and quality was reported; regions a day: the mean "
                            "number of regions named on a logged day.",
                            78, "", "  ");
}

void put_body_use(BodyResponseJson& span, const InfusionResponse& r, const std::optional<BodySummary>& body,
                  bool is_window) {
    auto reported = names_reported_in(r);
    span["body_days_logged"] = body ? BodyResponseJson(body->days_logged) : BodyResponseJson(nullptr);
    span["regions_per_day"] = rounded_or_null(body ? body->regions_per_day : std::nullopt, 2);
    if (is_window) {
        const auto& b = r.baseline_body;
        std::optional<double> change;
        if (body && body->regions_per_day && b && b->regions_per_day)
            change = *body->regions_per_day - *b->regions_per_day;
        span["regions_per_day_change"] = rounded_or_null(change, 2);
    }
    span["regions"] = body_shares_json(body, r.baseline_body, true, reported, is_window);
    span["qualities"] = body_shares_json(body, r.baseline_body, false, reported, is_window);
}

}  // namespace painlog
