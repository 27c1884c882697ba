/**
 * Enumerations of the data exchange format (../shared/spec/data-format.md, v1).
 * Kept as const arrays so validators and UIs can list the allowed values.
 */
export const INSTITUTION_LEVELS = ['head', 'city', 'outlet'] as const;
export type InstitutionLevel = (typeof INSTITUTION_LEVELS)[number];

export const PEER_GROUPS = ['state', 'joint', 'citycom', 'rural', 'policy', 'foreign', 'other'] as const;
export type PeerGroup = (typeof PEER_GROUPS)[number];

export const QUALIFICATION_KINDS = ['high_tech', 'tech_sme', 'innovative_sme', 'srdi_sme', 'little_giant'] as const;
export type QualificationKind = (typeof QUALIFICATION_KINDS)[number];

export const GUARANTEES = ['credit', 'ip_pledge', 'other_pledge', 'collateral', 'guarantee'] as const;
export type Guarantee = (typeof GUARANTEES)[number];

export const RISK_CLASSES = ['normal', 'special', 'substandard', 'doubtful', 'loss'] as const;
export type RiskClass = (typeof RISK_CLASSES)[number];

export const QUALITATIVE_BLOCKS = ['Q1', 'Q2', 'Q3'] as const;
export type QualitativeBlock = (typeof QUALITATIVE_BLOCKS)[number];

export const PENALTY_KINDS = ['penalty', 'falsified_data'] as const;
export type PenaltyKind = (typeof PENALTY_KINDS)[number];

export const DECISIONS = ['confirm', 'reject'] as const;
export type Decision = (typeof DECISIONS)[number];

export const MECHANISMS = [
  'separate_credit_plan',
  'dedicated_pricing',
  'independent_accounting',
  'risk_tolerance',
  'approval_channel',
  'performance_assessment',
  'due_diligence_exemption',
] as const;
export type Mechanism = (typeof MECHANISMS)[number];

export const GRADES = ['excellent', 'good', 'pass', 'improve'] as const;
export type Grade = (typeof GRADES)[number];

export const CERTIFICATION_OUTCOMES = ['certify', 'upgrade', 'reserve', 'not_eligible', 'retain', 'delist'] as const;
export type CertificationOutcome = (typeof CERTIFICATION_OUTCOMES)[number];

/** In the order the results export lists them (alphabetical, as the reference exports do). */
export const FLAGS = [
  'NEW_ENTRANT',
  'NO_BASELINE',
  'NO_LOANS',
  'NPL_OVER_TOLERANCE',
  'QUAL_INHERITED',
  'QUAL_MISSING',
  'SMALL_PEER_GROUP',
  'VETO',
] as const;
export type Flag = (typeof FLAGS)[number];

export const CLASS_CODES = ['K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7', 'K8', 'K9', 'K10'] as const;
export type ClassCode = (typeof CLASS_CODES)[number];

export const CHECK_CODES = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8'] as const;
export type CheckCode = (typeof CHECK_CODES)[number];

/** Import files of a dataset, in dependency order. */
export const DATASET_FILES = [
  'institutions',
  'enterprises',
  'qualifications',
  'loans',
  'qualitative',
  'penalties',
  'applications',
  'decisions',
] as const;
export type DatasetFile = (typeof DATASET_FILES)[number];
