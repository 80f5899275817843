import { PersonalDataModule } from '@bluehelm/service-kit';
import { Module } from '@nestjs/common';
import { EraseIncidentPersonalDataHandler } from '../erasure/erase-incident-personal-data.handler.js';
import { IncidentViewController } from './incident-view.controller.js';
import { IncidentViewQuery } from './incident-view.query.js';

@Module({ imports: [PersonalDataModule], controllers: [IncidentViewController, EraseIncidentPersonalDataHandler], providers: [IncidentViewQuery] })
export class IncidentViewModule {}
