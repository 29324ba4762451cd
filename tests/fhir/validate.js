// SPDX-License-Identifier: GPL-3.0-or-later
// Validates a FHIR R4 JSON resource with FHIR.js (the npm package "fhir"),
// an implementation independent of painlog. Usage: node validate.js FILE
// Exit 0: valid; 1: invalid (the messages are printed); 77: FHIR.js is not
// installed (run `npm install --prefix tests/fhir`).
//
// FHIR.js checks structure, cardinality, data types and required value sets
// (Bundle.type, Observation.status, ...). It reports unknown properties only
// as warnings and does not check the dateTime lexical form, so this script
// treats "Unexpected property" as an error and checks every dateTime and
// instant against the regular expressions of the FHIR R4 specification.
'use strict';
const fs = require('fs');
let Fhir;
try {
  ({ Fhir } = require('fhir'));
} catch (e) {
  console.error('FHIR.js is not installed: npm install --prefix tests/fhir');
  process.exit(77);
}
const resource = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const result = new Fhir().validate(resource);
const problems = result.messages.filter(
  (m) => m.severity === 'error' || (m.severity === 'warning' && /Unexpected property/.test(m.message)));

// http://hl7.org/fhir/R4/datatypes.html#dateTime and #instant
const dateTime = /^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?)?)?$/;
const instant = /^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))$/;
function walk(value, path) {
  if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return;
  for (const [key, v] of Object.entries(value)) {
    if (key === 'effectiveDateTime' && !dateTime.test(v)) problems.push({ location: `${path}.${key}`, message: `not a FHIR dateTime: ${v}` });
    if (key === 'timestamp' && !instant.test(v)) problems.push({ location: `${path}.${key}`, message: `not a FHIR instant: ${v}` });
    walk(v, `${path}.${key}`);
  }
}
walk(resource, resource.resourceType);
if (!result.valid || problems.length > 0) {
  for (const p of problems) console.log(`${p.location}: ${p.message}`);
  process.exit(1);
}
console.log(`valid (${result.messages.length} informational messages)`);
