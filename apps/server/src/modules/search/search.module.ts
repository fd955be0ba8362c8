import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/database.ts';
import { SearchDocumentRepository } from './search-document.repository.ts';
import { SearchIndexer } from './search-indexer.ts';
import { SearchSourceRepository } from './search-source.repository.ts';
import { SearchRepository } from './search.repository.ts';
import { searchRoutes } from './search.routes.ts';
import { SearchService } from './search.service.ts';

export interface SearchModuleDeps {
  db: Db;
}

export interface SearchModule {
  routes: FastifyPluginAsyncZod[];
  indexer: SearchIndexer;
  service: SearchService;
}

export function createSearchModule(deps: SearchModuleDeps): SearchModule {
  const indexer = new SearchIndexer(
    new SearchSourceRepository(deps.db),
    new SearchDocumentRepository(deps.db),
  );
  const service = new SearchService(new SearchRepository(deps.db));
  return { routes: [searchRoutes({ search: service })], indexer, service };
}
