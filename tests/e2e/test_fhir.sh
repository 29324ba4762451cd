#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# painlog export --format fhir, checked by FHIR.js (the npm package "fhir"),
# a FHIR R4 validator independent of painlog. .ci/run installs it with
# `npm install --prefix tests/fhir`; without it (or node) this suite skips.
source "$(dirname "$0")/lib.sh"

VALIDATE="$SRC/tests/fhir/validate.js"
if ! command -v node >/dev/null || [ ! -d "$SRC/tests/fhir/node_modules/fhir" ]; then
    echo "skipped: FHIR.js is not installed (npm install --prefix tests/fhir)"
    exit 77
fi

painlog add --pain 6 --mood 4 --energy 5 --sleep 7.5 --sleep-quality 3 --activity 2 --note "not in FHIR" \
    --at 2026-07-01T08:30 >/dev/null
painlog add --pain 2 --at 2026-11-20T08:30 >/dev/null
painlog check phq9 --answers 1,1,2,0,0,1,0,0,0 --at 2026-11-18T12:00 >/dev/null
painlog check gad7 --answers 0,1,2,3,0,1,2 --at 2026-11-18T12:01 >/dev/null
painlog check peg --answers 4,5,5 --at 2026-11-18T12:02 >/dev/null

case_ "the validator can fail: a broken bundle is refused"
printf '%s' '{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Observation","status":"done","code":{"text":"x"},"effectiveDateTime":"22/11/2026","valueInteger":"six"}}]}' >"$WORK/broken.json"
run node "$VALIDATE" "$WORK/broken.json"
expect_rc 1
expect_out_has "Observation.status"
expect_out_has "not a FHIR dateTime: 22/11/2026"
expect_out_has "Number type expected"

case_ "painlog's FHIR export validates"
run painlog export --format fhir -o "$WORK/bundle.json"
expect_rc 0
run node "$VALIDATE" "$WORK/bundle.json"
expect_rc 0
expect_out_has "valid"

case_ "the bundle holds what clinical.md asks for"
OUT=$(cat "$WORK/bundle.json")
expect_out_has '"resourceType": "Bundle",'
expect_out_has '"type": "collection",'
expect_out_has '"timestamp": "2026-11-22T20:00:00Z",'
expect_eq "$(grep -c '"resourceType": "Observation"' <<<"$OUT")" 10 "observations: 6 + 1 values and 3 totals"
expect_eq "$(grep -c '"status": "final"' <<<"$OUT")" 10 "status final"
expect_eq "$(grep -c '"code": "survey"' <<<"$OUT")" 10 "category survey"
expect_out_has '"code": "72514-3"'
expect_out_has '"code": "93832-4"'
expect_out_has '"code": "44261-6"'
expect_out_has '"code": "70274-6"'
expect_out_has '"code": "91147-9"'
expect_out_has '"system": "urn:painlog:observation",'
expect_out_has '"effectiveDateTime": "2026-07-01T08:30:00+01:00",'
expect_out_has '"valueInteger": 6'
expect_out_has '"unit": "h",'
expect_out_lacks "not in FHIR"

case_ "doses become MedicationStatements that validate: ATC coding, UCUM dose, rate and asNeeded"
painlog med take Lyrica 75mg --at 2026-11-20T08:00 >/dev/null
painlog med take oxycodone 5mg --prn --at 2026-11-20T14:00 --note "after the walk" >/dev/null
painlog med take fentanyl 25mcg/h --at 2026-11-21T09:00 >/dev/null
painlog med take "my cream" --at 2026-11-21T10:00 >/dev/null
run painlog export --format fhir -o "$WORK/doses.json"
expect_rc 0
run node "$VALIDATE" "$WORK/doses.json"
expect_rc 0
expect_out_has "valid"
OUT=$(jq -c '[.entry[].resource | select(.resourceType == "MedicationStatement")]' "$WORK/doses.json")
expect_eq "$(jq 'length' <<<"$OUT")" 4 "one statement a dose"
expect_eq "$(jq -c '.[0] | [.status, .medicationCodeableConcept.coding[0].system, .medicationCodeableConcept.coding[0].code, .subject.reference, .informationSource.reference, .effectiveDateTime]' <<<"$OUT")" \
    '["completed","http://www.whocc.no/atc","N02BF02","Patient/patient","Patient/patient","2026-11-20T08:00:00+00:00"]'
expect_eq "$(jq -c '.[1].dosage[0] | [.asNeededBoolean, .doseAndRate[0].doseQuantity.value, .doseAndRate[0].doseQuantity.system, .doseAndRate[0].doseQuantity.code]' <<<"$OUT")" \
    '[true,5,"http://unitsofmeasure.org","mg"]'
expect_eq "$(jq -r '.[1].note[0].text' <<<"$OUT")" "after the walk"
expect_eq "$(jq -c '.[2].dosage[0].doseAndRate[0].rateQuantity | [.value, .code]' <<<"$OUT")" '[25,"ug/h"]'
expect_eq "$(jq -c '.[3].medicationCodeableConcept' <<<"$OUT")" '{"text":"my cream"}'
expect_eq "$(jq -r '[.entry[].resource | select(.resourceType == "Patient")] | length' "$WORK/doses.json")" 1 "one Patient"

case_ "where it hurts and how it feels: bodySite and components that validate"
painlog add --pain 5 --where feet,lower-back --feels burning,electric --at 2026-11-21T08:00 >/dev/null
painlog add --pain 4 --where left-knee --at 2026-11-21T12:00 >/dev/null
painlog add --where left-face --feels stabbing --at 2026-11-21T13:00 >/dev/null
run painlog export --format fhir --since 2026-11-21 -o "$WORK/body.json"
expect_rc 0
run node "$VALIDATE" "$WORK/body.json"
expect_rc 0
expect_out_has "valid"
OUT=$(jq -c '[.entry[].resource | select(.component)]' "$WORK/body.json")
expect_eq "$(jq 'length' <<<"$OUT")" 3 "two pain Observations and one pain-site Observation"
expect_eq "$(jq -c '.[0].bodySite' <<<"$OUT")" '{"text":"lower back, left foot, right foot"}'
expect_eq "$(jq -c '[.[0].component[] | [.code.coding[0].code, .valueCodeableConcept.coding[0].code, .valueCodeableConcept.coding[1].code]]' <<<"$OUT")" \
    '[["pain-site","lower-back","37822005"],["pain-site","left-foot","22335008"],["pain-site","right-foot","7769000"],["pain-quality","burning",null],["pain-quality","electric-shocks",null]]'
expect_eq "$(jq -c '.[1].bodySite.coding | map([.system, .code])' <<<"$OUT")" \
    '[["urn:painlog:body-region","left-knee"],["http://snomed.info/sct","82169009"]]'
expect_eq "$(jq -c '.[2] | [.id, .code.coding[0].code, has("valueInteger"), .bodySite.coding[0].code]' <<<"$OUT")" \
    '["entry-5-pain-site","pain-site",false,"left-face"]'

case_ "the validator checks components: a quality that is not a CodeableConcept is refused"
jq '(.entry[] | select(.resource.component) | .resource.component[0].valueCodeableConcept) |= "burning"' \
    "$WORK/body.json" >"$WORK/body-broken.json"
run node "$VALIDATE" "$WORK/body-broken.json"
expect_rc 1
expect_out_has "component"

finish
