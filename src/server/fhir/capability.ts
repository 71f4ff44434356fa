import { ODI_LOINC_SCORE } from '../../shared/domain/odi';
import { NRS_LOINC } from '../../shared/domain/pain';
import { FHIR_JSON_CONTENT_TYPE } from '../../shared/contracts/fhir';

/** Build date of this capability statement's content (change it when the endpoint changes). */
const CAPABILITY_DATE = '2026-11-24';

/**
 * The read-only FHIR R4 endpoint's CapabilityStatement (`GET /fhir/metadata`, open like any FHIR server's).
 * Security: the same session cookie as the web app; machine clients would need a token (SMART on FHIR /
 * OAuth 2.0 client credentials), which is not offered yet.
 */
export function capabilityStatement(base: string, version: string): Record<string, unknown> {
  const search = (interaction: string[], params: { name: string; type: string; documentation: string }[]) => ({
    interaction: interaction.map((code) => ({ code })),
    searchParam: params,
  });
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: CAPABILITY_DATE,
    publisher: 'FBSS Dashboard',
    kind: 'instance',
    software: { name: 'FBSS Dashboard', version },
    implementation: { description: 'FBSS Dashboard read-only FHIR R4 endpoint', url: base },
    fhirVersion: '4.0.1',
    format: [FHIR_JSON_CONTENT_TYPE, 'json'],
    rest: [
      {
        mode: 'server',
        documentation: 'Read-only. Every request is authenticated, authorised by role (pain specialists) and audited.',
        security: {
          cors: false,
          description:
            'Sign in to the FBSS Dashboard; requests carry its session cookie. Token-based access for other systems (SMART on FHIR / OAuth 2.0) is not available yet.',
        },
        resource: [
          {
            type: 'Patient',
            ...search(
              ['read', 'search-type'],
              [
                {
                  name: 'identifier',
                  type: 'token',
                  documentation: 'MRN (system|value or value) or the identifier of the system a record was imported from; required.',
                },
              ],
            ),
          },
          {
            type: 'Observation',
            ...search(
              ['search-type'],
              [
                { name: 'patient', type: 'reference', documentation: 'Patient id or Patient/id; required.' },
                {
                  name: 'code',
                  type: 'token',
                  documentation: `LOINC ${NRS_LOINC} (pain NRS, bodySite back or leg) and ${ODI_LOINC_SCORE} (ODI score); comma-separated, system|code or code.`,
                },
              ],
            ),
          },
          {
            type: 'Condition',
            ...search(
              ['search-type'],
              [
                {
                  name: 'patient',
                  type: 'reference',
                  documentation: 'Patient id or Patient/id; required. The FBSS diagnosis and every suspected cause.',
                },
              ],
            ),
          },
          {
            type: 'CarePlan',
            ...search(['search-type'], [{ name: 'patient', type: 'reference', documentation: 'Patient id or Patient/id; required.' }]),
          },
        ],
      },
    ],
  };
}
