/**
 * UN peacekeeping missions that incidents may be reported against, current and closed.
 * Closed missions stay listed: reports of old incidents, and cases opened long ago, still name them.
 * Host states are ISO 3166-1 alpha-3 codes; the first is the default when a report names none.
 */

export const MISSION_STATUSES = ['current', 'closed'] as const;
export type MissionStatus = (typeof MISSION_STATUSES)[number];

export interface Mission {
  readonly acronym: string;
  readonly name: string;
  /** Never empty; the first is the default host state of a report that gives none. */
  readonly hostStates: readonly [string, ...string[]];
  readonly status: MissionStatus;
  readonly startYear: number;
  /** The year the mandate ended; null while the mission is current. */
  readonly endYear: number | null;
  /** Why the host states are what they are, where that is not obvious. */
  readonly note?: string;
}

export const MISSIONS = [
  {
    acronym: 'MINUSMA',
    name: 'United Nations Multidimensional Integrated Stabilization Mission in Mali',
    hostStates: ['MLI'],
    status: 'closed',
    startYear: 2013,
    endYear: 2023,
  },
  {
    acronym: 'MONUSCO',
    name: 'United Nations Organization Stabilization Mission in the Democratic Republic of the Congo',
    hostStates: ['COD'],
    status: 'current',
    startYear: 2010,
    endYear: null,
  },
  {
    acronym: 'MINUSCA',
    name: 'United Nations Multidimensional Integrated Stabilization Mission in the Central African Republic',
    hostStates: ['CAF'],
    status: 'current',
    startYear: 2014,
    endYear: null,
  },
  {
    acronym: 'UNMISS',
    name: 'United Nations Mission in the Republic of South Sudan',
    hostStates: ['SSD'],
    status: 'current',
    startYear: 2011,
    endYear: null,
  },
  {
    acronym: 'UNIFIL',
    name: 'United Nations Interim Force in Lebanon',
    hostStates: ['LBN'],
    status: 'current',
    startYear: 1978,
    endYear: null,
  },
  {
    acronym: 'UNISFA',
    name: 'United Nations Interim Security Force for Abyei',
    hostStates: ['SDN', 'SSD'],
    status: 'current',
    startYear: 2011,
    endYear: null,
    note: 'The Abyei Area is claimed by both Sudan and South Sudan; a report names the state whose justice system is to act.',
  },
  {
    acronym: 'UNFICYP',
    name: 'United Nations Peacekeeping Force in Cyprus',
    hostStates: ['CYP'],
    status: 'current',
    startYear: 1964,
    endYear: null,
  },
  {
    acronym: 'UNDOF',
    name: 'United Nations Disengagement Observer Force',
    hostStates: ['SYR', 'ISR'],
    status: 'current',
    startYear: 1974,
    endYear: null,
    note: 'Deployed in the Golan on both sides of the area of separation.',
  },
  {
    acronym: 'MINURSO',
    name: 'United Nations Mission for the Referendum in Western Sahara',
    hostStates: ['ESH'],
    status: 'current',
    startYear: 1991,
    endYear: null,
    note: 'ESH is the ISO 3166-1 code of the territory of Western Sahara.',
  },
  {
    acronym: 'UNMIK',
    name: 'United Nations Interim Administration Mission in Kosovo',
    hostStates: ['SRB'],
    status: 'current',
    startYear: 1999,
    endYear: null,
    note: 'ISO 3166-1 assigns no code to Kosovo; incidents are recorded under SRB, in the context of Security Council resolution 1244 (1999).',
  },
  {
    acronym: 'UNTSO',
    name: 'United Nations Truce Supervision Organization',
    hostStates: ['EGY', 'ISR', 'JOR', 'LBN', 'SYR'],
    status: 'current',
    startYear: 1948,
    endYear: null,
    note: 'Military observers serve in five states of the region.',
  },
  {
    acronym: 'UNMOGIP',
    name: 'United Nations Military Observer Group in India and Pakistan',
    hostStates: ['IND', 'PAK'],
    status: 'current',
    startYear: 1949,
    endYear: null,
    note: 'Observers serve on both sides of the line of control in Jammu and Kashmir.',
  },
  {
    acronym: 'MINUSTAH',
    name: 'United Nations Stabilization Mission in Haiti',
    hostStates: ['HTI'],
    status: 'closed',
    startYear: 2004,
    endYear: 2017,
  },
  {
    acronym: 'MINUJUSTH',
    name: 'United Nations Mission for Justice Support in Haiti',
    hostStates: ['HTI'],
    status: 'closed',
    startYear: 2017,
    endYear: 2019,
  },
  {
    acronym: 'UNAMID',
    name: 'African Union-United Nations Hybrid Operation in Darfur',
    hostStates: ['SDN'],
    status: 'closed',
    startYear: 2007,
    endYear: 2020,
  },
  {
    acronym: 'MONUC',
    name: 'United Nations Organization Mission in the Democratic Republic of the Congo',
    hostStates: ['COD'],
    status: 'closed',
    startYear: 1999,
    endYear: 2010,
  },
  {
    acronym: 'UNMIL',
    name: 'United Nations Mission in Liberia',
    hostStates: ['LBR'],
    status: 'closed',
    startYear: 2003,
    endYear: 2018,
  },
  {
    acronym: 'UNOCI',
    name: "United Nations Operation in Côte d'Ivoire",
    hostStates: ['CIV'],
    status: 'closed',
    startYear: 2004,
    endYear: 2017,
  },
  {
    acronym: 'UNMIS',
    name: 'United Nations Mission in the Sudan',
    hostStates: ['SDN'],
    status: 'closed',
    startYear: 2005,
    endYear: 2011,
    note: 'Served the whole of Sudan before the independence of South Sudan in 2011.',
  },
  {
    acronym: 'MINURCAT',
    name: 'United Nations Mission in the Central African Republic and Chad',
    hostStates: ['TCD', 'CAF'],
    status: 'closed',
    startYear: 2007,
    endYear: 2010,
  },
  {
    acronym: 'UNMIT',
    name: 'United Nations Integrated Mission in Timor-Leste',
    hostStates: ['TLS'],
    status: 'closed',
    startYear: 2006,
    endYear: 2012,
  },
  {
    acronym: 'UNAMSIL',
    name: 'United Nations Mission in Sierra Leone',
    hostStates: ['SLE'],
    status: 'closed',
    startYear: 1999,
    endYear: 2005,
  },
  {
    acronym: 'UNMEE',
    name: 'United Nations Mission in Ethiopia and Eritrea',
    hostStates: ['ETH', 'ERI'],
    status: 'closed',
    startYear: 2000,
    endYear: 2008,
  },
  {
    acronym: 'UNOMIG',
    name: 'United Nations Observer Mission in Georgia',
    hostStates: ['GEO'],
    status: 'closed',
    startYear: 1993,
    endYear: 2009,
  },
  {
    acronym: 'ONUB',
    name: 'United Nations Operation in Burundi',
    hostStates: ['BDI'],
    status: 'closed',
    startYear: 2004,
    endYear: 2006,
  },
  {
    acronym: 'UNSMIS',
    name: 'United Nations Supervision Mission in Syria',
    hostStates: ['SYR'],
    status: 'closed',
    startYear: 2012,
    endYear: 2012,
  },
] as const satisfies readonly Mission[];

export type MissionAcronym = (typeof MISSIONS)[number]['acronym'];
