import { PersonalDataModule } from '@bluehelm/service-kit';
import { Module } from '@nestjs/common';
import { IncidentViewController } from './incident-view.controller.js';
import { IncidentViewQuery } from './incident-view.query.js';

@Module({ imports: [PersonalDataModule], controllers: [IncidentViewController], providers: [IncidentViewQuery] })
export class IncidentViewModule {}
