import { Module } from '@nestjs/common';
import { crossLingualProvider } from './cross-lingual.provider.js';
import { SearchController } from './search.controller.js';
import { SearchService } from './search.service.js';
import { TermStatisticsHolder } from './term-statistics.holder.js';

@Module({
  controllers: [SearchController],
  providers: [SearchService, crossLingualProvider, TermStatisticsHolder],
})
export class SearchModule {}
