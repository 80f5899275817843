import { MISSIONS, type Mission, type MissionAcronym } from './missions.js';

export const MISSION_ACRONYMS: readonly MissionAcronym[] = MISSIONS.map((mission) => mission.acronym);

const missionsByAcronym: ReadonlyMap<string, Mission> = new Map(MISSIONS.map((mission) => [mission.acronym, mission]));

/** Acronyms are matched exactly: the contract spells them in capitals, as the UN does. */
export function findMission(acronym: string): Mission | undefined {
  return missionsByAcronym.get(acronym);
}

export function isMissionAcronym(value: unknown): value is MissionAcronym {
  return typeof value === 'string' && missionsByAcronym.has(value);
}

/** The host state a report gets when it names none: the mission's first. */
export function defaultHostStateOf(acronym: string): string | undefined {
  return findMission(acronym)?.hostStates[0];
}

export function isHostStateOfMission(hostState: string, acronym: string): boolean {
  const mission = findMission(acronym);
  return mission !== undefined && (mission.hostStates as readonly string[]).includes(hostState);
}
