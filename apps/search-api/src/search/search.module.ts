import { Module } from '@nestjs/common';
import { DocumentFrequencies } from './document-frequencies.js';
import { lexiconProvider } from './lexicon.provider.js';
import { SearchController } from './search.controller.js';
import { SearchService } from './search.service.js';

@Module({
  controllers: [SearchController],
  providers: [SearchService, DocumentFrequencies, lexiconProvider],
})
export class SearchModule {}
