import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { fhirApiRoutes } from './api';
import { fhirReadRoutes } from './read';

/**
 * FHIR R4 interoperability (issue 8): import and export under /api (problem+json errors) and the read-only
 * endpoint under /fhir (OperationOutcome errors). Each is its own encapsulated plugin, so the import's body
 * parser and both error handlers stay local.
 */
export const fhirRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(fhirApiRoutes);
  await app.register(fhirReadRoutes, { prefix: '/fhir' });
};
