/**
 * Deterministic demo cohort for the FBSS / PSPS-T2 clinic: patients, referrals, prior surgeries, suspected
 * causes, treatment plans with follow-up schedules, assessments (NRS back/leg, ODI, symptoms, red flags),
 * red-flag alerts and MDT notes.
 *
 * Determinism: every patient draws from its own mulberry32 stream seeded from (seed, patient number), and
 * every id is derived from (seed, table, patient number, sequence), so the same seed and the same `today`
 * give byte-identical data whatever the chunking (never Math.random, never gen_random_uuid, never now()).
 *
 * Speed (performance-notes.md item 9: bulk SQL beats row-by-row inserts by an order of magnitude): rows are
 * generated one chunk of patients at a time (in a worker thread for big cohorts, overlapping with the inserts)
 * and sent as one JSON parameter per table and chunk (`insert ... select from json_to_recordset($1)`), all in
 * one transaction. Inside it, session_replication_role = replica skips the foreign-key checks and the
 * statement-level triggers: the generator writes the patients' latest/baseline/red-flag/follow-up columns
 * itself, exactly as the trigger functions compute them, and outcome_summaries is refreshed set-based per chunk
 * (see seedDemoCohort). The transaction makes the seed all-or-nothing: a failed or interrupted seed leaves an
 * empty clinic. 100,000 patients (about 2 million assessments) take a few minutes on PGlite.
 *
 * Clinical shape (fbss-domain.md):
 * - causes (§2) follow the index procedure: pseudarthrosis, adjacent segment disease and sagittal imbalance
 *   only after a fusion; hardware malposition/failure only after an instrumented operation;
 * - pain is recorded as separate back and leg NRS 0-10 (§0.3) and the ODI is scored with the shared
 *   scoreOdi (ODI v2.1a, Fairbank & Pynsent 2000; §4);
 * - responses to treatment are tuned to the benchmarks in §6: conventional SCS about half of implanted
 *   patients with >= 50% leg-pain relief at 6 months (PROCESS, Kumar 2007: 48%), 10 kHz SCS about 80% for
 *   back pain (SENZA-RCT, Kapural 2015: 84.5% at 3 months, 76.5% at 24 months), conservative care 10-15%,
 *   injections giving relief that fades by 3-6 months;
 * - SCS trial success = >= 50% relief (TRIAL-STIM definition, §5); the implant follows a successful trial;
 * - follow-ups at each treatment's followUpMonths; an assessment within +/- 14 days completes one.
 */
import { sql } from 'drizzle-orm';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { INDEX_PROCEDURES, type ProcedureCode, type SpinalLevel } from '../../../shared/domain/procedures';
import { CAUSES, type CauseCode, type CauseStatus } from '../../../shared/domain/causes';
import { TREATMENTS, type PlanItemStatus, type TreatmentCode } from '../../../shared/domain/treatments';
import { scoreOdi } from '../../../shared/domain/odi';
import { addMonthsClamped, FOLLOW_UP_WINDOW_DAYS } from '../../../shared/domain/follow-up';
import type { RedFlagCode } from '../../../shared/domain/red-flags';
import type { CaseStatus, ReferralPriority, Sex } from '../../../shared/domain/case-status';
import type { Dermatome, Onset, Side, SymptomType } from '../../../shared/domain/symptoms';
import { vacuumAnalyze, type Database, type Tx } from '../client';

export interface SeedCohortOptions {
  patients: number;
  /** PRNG seed; the same seed and `today` give identical data. Default 1. */
  seed?: number;
  /** The clinic's "today" (YYYY-MM-DD); default today in UTC. Everything is dated on or before it. */
  today?: string;
  /** User ids to assign as responsible specialists and named nurses (and as authors of the records). */
  clinicians: { specialists: string[]; nurses: string[] };
  onProgress?: (done: number, total: number) => void;
  /** Patients generated and inserted per chunk (default 1000). Does not change the data. */
  chunkSize?: number;
  /**
   * Generate in a worker thread, overlapping with the inserts (default: when there are 4 chunks or more).
   * Does not change the data.
   */
  worker?: boolean;
}

export interface SeedCohortResult {
  patients: number;
  assessments: number;
  ms: number;
  /** Rows inserted per table. */
  rows: Record<string, number>;
}

// ---------------------------------------------------------------------------------------------------
// PRNG, hashing, deterministic ids
// ---------------------------------------------------------------------------------------------------

/** murmur3 finaliser: a bijection on uint32, so distinct inputs give distinct outputs. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** mulberry32 (Tommy Ettinger), with the helpers the generator needs. */
export class Rng {
  private a: number;
  constructor(seed: number) {
    this.a = seed >>> 0;
  }
  next(): number {
    this.a = (this.a + 0x6d2b79f5) | 0;
    let t = Math.imul(this.a ^ (this.a >>> 15), 1 | this.a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  range(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return must(items[Math.floor(this.next() * items.length)], 'an item to pick');
  }
  /** Standard normal (Box-Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  weighted<T>(table: Weighted<T>): T {
    const x = this.next() * table.total;
    for (const e of table.entries) if (x < e.cum) return e.item;
    return table.last;
  }
  /** k distinct items, each drawn with probability proportional to its weight. */
  sampleDistinct<T>(entries: readonly (readonly [T, number])[], k: number): T[] {
    const pool = entries.filter(([, w]) => w > 0).map(([v, w]) => [v, w] as [T, number]);
    const out: T[] = [];
    while (out.length < k && pool.length > 0) {
      const total = pool.reduce((s, [, w]) => s + w, 0);
      let x = this.next() * total;
      let idx = pool.length - 1;
      for (const [i, [, w]] of pool.entries()) {
        x -= w;
        if (x < 0) {
          idx = i;
          break;
        }
      }
      const [picked] = pool.splice(idx, 1);
      if (picked) out.push(picked[0]);
    }
    return out;
  }
}

/** The value, or an error naming what was missing (for lookups that the generator's own logic guarantees). */
function must<T>(value: T | null | undefined, what: string): T {
  if (value === undefined || value === null) throw new Error(`demo cohort generator: missing ${what}`);
  return value;
}

interface Weighted<T> {
  entries: { item: T; cum: number }[];
  last: T;
  total: number;
}
function weighted<T>(list: readonly (readonly [T, number])[]): Weighted<T> {
  let total = 0;
  const entries = list.map(([item, w]) => ({ item, cum: (total += w) }));
  return { entries, last: must(entries.at(-1), 'a weighted entry').item, total };
}

function hex32(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}

/** Table tags for ids: part of the id, so ids never collide across tables either. */
const K = {
  patient: 1,
  referral: 2,
  surgery: 3,
  cause: 4,
  causeEvent: 5,
  plan: 6,
  item: 7,
  itemEvent: 8,
  assessment: 9,
  alert: 10,
  note: 11,
  followUp: 12,
} as const;

/**
 * An opaque, version-4-shaped UUID that is unique by construction: (patient number, table, sequence) is a
 * unique 64-bit value, put through a 4-round Feistel network keyed by the seed (a bijection, so no two ids
 * collide) and padded with hash bits. Ids look random, as the API's opaque ids should (architecture.md).
 */
function makeId(keys: IdKeys, kind: number, patient: number, seq: number): string {
  let hi = patient >>> 0;
  let lo = ((kind << 24) | (seq & 0xffffff)) >>> 0;
  for (const roundKey of keys.rounds) {
    const f = fmix32((lo ^ roundKey) >>> 0);
    const t = (hi ^ f) >>> 0;
    hi = lo;
    lo = t;
  }
  const x = fmix32((hi ^ Math.imul(lo, 0x9e3779b1) ^ keys.k3) >>> 0);
  const y = fmix32((x + 0x9e3779b9) >>> 0);
  const h = hex32(hi);
  const l = hex32(lo);
  const xs = hex32(x);
  const variant = (8 | (x >>> 30)).toString(16);
  return `${h}-${l.slice(0, 4)}-4${xs.slice(0, 3)}-${variant}${xs.slice(3, 6)}-${l.slice(4, 8)}${hex32(y)}`;
}
interface IdKeys {
  rounds: readonly number[];
  k3: number;
}

// ---------------------------------------------------------------------------------------------------
// Calendar (day numbers since 1970-01-01 UTC)
// ---------------------------------------------------------------------------------------------------

const MS_PER_DAY = 86_400_000;
const isoCache = new Map<number, string>();
function iso(day: number): string {
  let s = isoCache.get(day);
  if (s === undefined) {
    s = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (isoCache.size < 100_000) isoCache.set(day, s);
  }
  return s;
}
function dayOf(isoDate: string): number {
  const t = Date.parse(`${isoDate}T00:00:00Z`);
  if (!Number.isFinite(t)) throw new RangeError(`Not a date: ${isoDate}`);
  return Math.round(t / MS_PER_DAY);
}
/** An instant on `day` at `minute` minutes after midnight UTC, ISO 8601. */
function at(day: number, minute: number): string {
  const h = Math.floor(minute / 60);
  const m = minute % 60;
  return `${iso(day)}T${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}:00Z`;
}
function addMonths(day: number, months: number): number {
  return dayOf(addMonthsClamped(iso(day), months));
}
const clinicMinute = (rng: Rng): number => rng.int(8 * 60, 17 * 60 + 30);

// ---------------------------------------------------------------------------------------------------
// Vocabulary: names from several origins (given names by sex, family names), clinicians, hospitals
// ---------------------------------------------------------------------------------------------------

interface NameGroup {
  weight: number;
  female: string[];
  male: string[];
  family: string[];
}
/** Whitespace-separated names; an underscore stands for a space inside a name ("de_Vries"). */
const w = (list: string): string[] =>
  list
    .trim()
    .split(/\s+/)
    .map((x) => x.replace(/_/g, ' '));

const NAME_GROUPS: NameGroup[] = [
  {
    // British Isles
    weight: 40,
    female: w(`Olivia Emily Sophie Charlotte Lucy Hannah Eleanor Grace Chloe Rebecca Sarah Claire Joanne Karen Susan Margaret
      Patricia Deborah Gillian Siobhan Aoife Niamh Ffion Rhiannon Morag Kirsty Ann Jean Linda Helen Alison Fiona Lorraine Maureen Bethan`),
    male: w(`James Oliver Thomas William Harry George Daniel Matthew Andrew David Michael Paul Stephen Richard Gareth Rhys Owen
      Callum Ewan Angus Declan Ciaran Sean Patrick Colin Graham Keith Barry Trevor Robert Alan Ian Neil Simon Dylan`),
    family: w(`Smith Jones Taylor Brown Williams Wilson Davies Evans Thomas Roberts Walker Wright Robinson Thompson White Hughes
      Edwards Green Hall Wood Harris Lewis Martin Jackson Clarke Turner Hill Scott Cooper Morris Ward Moore King Watson Baker
      Harrison Morgan Young Allen Mitchell Bell Kelly Murphy O'Brien O'Connor Byrne Ryan Doyle MacDonald Campbell Stewart Fraser
      Reid Murray Ross Paterson Goldsmith Smithson Smythe Price Griffiths Llewellyn Pritchard Cohen Levy Goldberg Fletcher Shaw`),
  },
  {
    // South Asian
    weight: 11,
    female: w(
      `Priya Anjali Sunita Meera Kavita Nisha Pooja Lakshmi Divya Harpreet Simran Shreya Farzana Nasreen Rupinder Jaspreet Deepa Asha`,
    ),
    male: w(`Raj Arjun Vikram Sanjay Amit Rohan Harjit Gurpreet Imran Tariq Faisal Anil Suresh Ravi Kiran Deepak Sunil Manoj Ashok`),
    family: w(`Patel Singh Sharma Kaur Khan Ahmed Hussain Begum Chowdhury Gupta Shah Mistry Iyer Nair Reddy Rao Kumar Desai Joshi
      Malik Akhtar Rahman Bhatt Mehta Sandhu Gill Bains Islam Uddin Parmar`),
  },
  {
    // West African
    weight: 6,
    female: w(`Adaeze Ngozi Chiamaka Folake Yetunde Abena Ama Efua Funmilayo Bisi Chioma Nneka Titilayo Akosua`),
    male: w(`Oluwaseun Chinedu Emeka Kwame Kofi Tunde Babatunde Segun Obinna Yaw Kwabena Femi Ikenna Kojo`),
    family: w(`Okafor Adeyemi Okonkwo Mensah Boateng Owusu Adebayo Nwosu Eze Oyelaran Asante Appiah Ogunleye Obi Afolabi Danso
      Adjei Olawale Nwachukwu Osei`),
  },
  {
    // East and South-East Asian
    weight: 7,
    female: w(`Mei Li_Na Xiu_Ying Yuki Haruka Sakura Min-ji Ji-woo Lan Mai Hoa Linh Jia Hui_Min Akiko`),
    male: w(`Wei Jun Hao Lei Hiroshi Kenji Takeshi Min-jun Seo-jun Minh Tuan Duc Jian Zhi_Hao Haruto`),
    family: w(`Chen Wang Li Zhang Liu Huang Lin Wong Lee Kim Park Choi Nguyen Tran Pham Le Tanaka Sato Suzuki Yamamoto Watanabe
      Ng Chan Ho Zhao Wu Yang Kwon`),
  },
  {
    // Central and Eastern European
    weight: 7,
    female: w(`Agnieszka Katarzyna Magdalena Joanna Ewa Anna Olena Iryna Natalia Svetlana Elena Ioana Andreea Marta Zuzana Petra`),
    male: w(`Piotr Tomasz Krzysztof Marek Pawel Andriy Oleksandr Dmitri Sergei Ivan Mihai Andrei Bogdan Jakub Lukas Milan`),
    family: w(`Kowalski Nowak Wisniewski Wojcik Kaminski Lewandowski Zielinski Shevchenko Kovalenko Bondarenko Ivanov Petrov
      Smirnov Popescu Ionescu Dumitru Horvath Novak Dvorak Kovacs Szabo Kusmierz Wrobel`),
  },
  {
    // Southern European
    weight: 6,
    female: w(`Giulia Francesca Chiara Sofia Maria Lucia Carmen Isabel Ana Beatriz Eleni Katerina Ines Alessandra Rosa`),
    male: w(`Marco Luca Giuseppe Alessandro Antonio Javier Carlos Miguel Jose Joao Pedro Nikos Giorgos Dimitris Rui`),
    family: w(`Rossi Russo Ferrari Esposito Bianchi Romano Colombo Garcia Fernandez Lopez Martinez Rodriguez Gonzalez Silva Santos
      Ferreira Pereira Costa Papadopoulos Georgiou Nikolaidis Conti Moretti Carvalho`),
  },
  {
    // Middle Eastern, North African, Turkish, Persian
    weight: 6,
    female: w(`Fatima Aisha Layla Noor Yasmin Mariam Zeynep Elif Leila Shirin Samira Hana Rania Dina`),
    male: w(`Mohammed Ahmed Omar Ali Hassan Youssef Karim Mehmet Mustafa Emre Reza Dariush Ismail Khalid`),
    family: w(`Hassan Ali Ibrahim Mahmoud Haddad Khalil Nasser Aziz Yilmaz Kaya Demir Sahin Celik Hosseini Rahimi Karimi Tehrani
      Mansour Saleh Farah Ismail Bakr`),
  },
  {
    // Caribbean
    weight: 5,
    female: w(`Shanice Tanisha Marcia Beverley Janelle Kezia Paulette Sonia Camille`),
    male: w(`Delroy Winston Leroy Marlon Jermaine Desmond Errol Clive Courtney`),
    family: w(`Clarke Campbell Grant Francis Gayle Bailey Morrison Henry Richards Samuels Forbes Lindo Douglas Thompson`),
  },
  {
    // Somali and East African
    weight: 3,
    female: w(`Hodan Fadumo Amina Halima Sahra Nimco Ayaan Hibo`),
    male: w(`Abdi Abdirahman Mahad Guled Yusuf Liban Bashir Hamza`),
    family: w(`Abdullahi Mohamed Warsame Farah Hussein Jama Osman Nur Adan Egal Kamau Otieno`),
  },
  {
    // Nordic, German, Dutch
    weight: 5,
    female: w(`Ingrid Astrid Freya Sigrid Anneke Katrin Lena Greta Maja Sanne`),
    male: w(`Lars Erik Sven Nils Jens Lukas Jonas Pieter Stefan Matthias Bram`),
    family: w(`Jensen Nielsen Hansen Andersson Johansson Larsen Muller Schmidt Schneider Fischer Weber Becker de_Vries Jansen
      Bakker Visser Smits van_Dijk Lindqvist`),
  },
  {
    // Filipino
    weight: 3,
    female: w(`Maricel Rowena Jasmine Angelica Rosario Cristina Lorna`),
    male: w(`Rodel Jomar Mark Aldrin Rizal Ramon Noel`),
    family: w(`Santos Reyes Cruz Bautista Garcia Mendoza Villanueva Dela_Cruz Aquino Ramos Navarro Castillo`),
  },
];
const NAME_GROUP_TABLE = weighted(NAME_GROUPS.map((g) => [g, g.weight] as const));
const ALL_FEMALE = NAME_GROUPS.flatMap((g) => g.female);
const ALL_MALE = NAME_GROUPS.flatMap((g) => g.male);
const ALL_FAMILY = NAME_GROUPS.flatMap((g) => g.family);

const SURGEONS = [
  'Mr Jonathan Hale',
  'Ms Rachel Okoye',
  'Mr Anand Krishnan',
  'Mr David Fairbrother',
  'Miss Helen Tsang',
  'Mr Stefan Novak',
  'Mr Tomasz Wrobel',
  'Ms Catherine Doyle',
  'Mr Kwame Asante',
  'Mr Rui Carvalho',
  'Prof Martin Ellis',
  'Mr Hamid Rezaei',
  'Ms Ingrid Dahl',
  'Mr Peter Llewellyn',
  'Mr Vikram Menon',
] as const;
const SURGEON_TABLE = weighted(SURGEONS.map((s, i) => [s, 10 - (i % 5) * 1.5] as const));

const HOSPITALS = [
  'Riverside General Hospital',
  "St Anne's Hospital",
  'Northfield Spinal Centre',
  'Royal Meadow Infirmary',
  'Westgate Orthopaedic Hospital',
  'Harbourview Hospital',
  'Kingsway Private Hospital',
  'Elmwood University Hospital',
] as const;

const GP_PRACTICES = w(`Parkside_Medical_Centre Riverside_Surgery The_Old_School_Surgery Canal_Street_Practice Oakwood_Health_Centre
  Hillview_Medical_Practice Station_Road_Surgery Market_Square_Practice Greenfields_Family_Practice Abbey_Lane_Surgery
  Westmoor_Health_Centre Elm_Tree_Surgery`);

// ---------------------------------------------------------------------------------------------------
// Clinical tables
// ---------------------------------------------------------------------------------------------------

type ProcedureDef = (typeof INDEX_PROCEDURES)[number];
const PROCEDURE: Record<ProcedureCode, ProcedureDef> = Object.fromEntries(INDEX_PROCEDURES.map((p) => [p.code, p])) as Record<
  ProcedureCode,
  ProcedureDef
>;

/** Index procedure weights (discectomy and decompression common, fusions common; revisions need a prior operation). */
const INDEX_PROCEDURE_WEIGHTS: readonly (readonly [ProcedureCode, number])[] = [
  ['DISCECTOMY', 12],
  ['MICRODISCECTOMY', 16],
  ['LAMINECTOMY', 17],
  ['PLF', 8],
  ['TLIF', 14],
  ['PLIF', 7],
  ['ALIF', 4],
  ['LLIF', 3],
  ['DISC-REPLACEMENT', 2],
  ['OTHER', 1],
];
const FIRST_PROCEDURE_TABLE = weighted(INDEX_PROCEDURE_WEIGHTS);
const EARLIER_PROCEDURE_TABLE = weighted<ProcedureCode>([
  ['DISCECTOMY', 20],
  ['MICRODISCECTOMY', 25],
  ['LAMINECTOMY', 18],
  ['PLF', 5],
  ['TLIF', 6],
  ['PLIF', 3],
  ['ALIF', 1],
  ['DISC-REPLACEMENT', 1],
]);
const PRIMARY_LEVEL_TABLE = weighted<SpinalLevel>([
  ['L4-L5', 45],
  ['L5-S1', 35],
  ['L3-L4', 12],
  ['L2-L3', 5],
  ['L1-L2', 3],
]);
const LEVELS: readonly SpinalLevel[] = ['L1-L2', 'L2-L3', 'L3-L4', 'L4-L5', 'L5-S1'];
/** Root affected by a disc level in the usual paracentral herniation (L4/L5 -> L5, L5/S1 -> S1). */
const LEVEL_ROOT: Record<SpinalLevel, Dermatome> = { 'L1-L2': 'L2', 'L2-L3': 'L3', 'L3-L4': 'L4', 'L4-L5': 'L5', 'L5-S1': 'S1' };

type Phenotype = 'leg' | 'back' | 'mixed';

/** Base weights of each cause; applicability rules are in causeWeights(). */
const CAUSE_BASE_WEIGHTS: Record<CauseCode, number> = {
  'PRE-DX': 4,
  'PRE-IND': 2,
  'PRE-PSY': 6,
  'OP-WL': 0.5,
  'OP-DEC': 14,
  'OP-FRAG': 1.5,
  'OP-NR': 4,
  'OP-DUR': 2,
  'OP-HW': 3,
  'POST-RDH': 11,
  'POST-PSA': 9,
  'POST-HWF': 3,
  'POST-ASD': 10,
  'POST-INST': 3,
  'POST-IMB': 2.5,
  'POST-FIB': 14,
  'POST-ARA': 1,
  'POST-INF': 0.5,
  'POST-SIJ': 8,
  'POST-FAC': 9,
  'POST-DISC': 5,
  'POST-MYO': 5,
  'POST-NEU': 10,
  UND: 0,
};
/** Causes that need a fusion / an instrumented operation among the patient's surgeries. */
export const FUSION_ONLY_CAUSES: readonly CauseCode[] = ['POST-PSA', 'POST-ASD', 'POST-IMB'];
export const INSTRUMENTED_ONLY_CAUSES: readonly CauseCode[] = ['OP-HW', 'POST-HWF'];

const CAUSE_NAME: Record<string, string> = Object.fromEntries(CAUSES.map((c) => [c.code, c.shortName]));

/** Evidence notes per cause: [suspicion at tagging, confirmation, refutation]. */
const CAUSE_EVIDENCE: Partial<Record<CauseCode, readonly [string, string, string]>> = {
  'PRE-DX': [
    'Pre-operative imaging discordant with the pain distribution; pain generator unclear.',
    'Diagnostic blocks point to a different pain generator than the operated level.',
    'Blocks concordant with the operated level; original diagnosis stands.',
  ],
  'PRE-IND': [
    'Indication for the index operation questionable on chart review.',
    'MDT chart review: operation not indicated for the presenting pathology.',
    'Chart review: indication appropriate.',
  ],
  'PRE-PSY': [
    'High PHQ-9 and catastrophising on screening; ongoing compensation claim.',
    'Psychology assessment: PCS 34, PHQ-9 17; yellow flags confirmed.',
    'Psychology assessment unremarkable (PCS 12).',
  ],
  'OP-WL': [
    'Operative note level does not match pre-operative MRI.',
    'Post-operative MRI confirms surgery one level above the compressive lesion.',
    'Level confirmed correct on intra-operative imaging.',
  ],
  'OP-DEC': [
    'Persistent radicular pain; possible residual foraminal stenosis.',
    'MRI/CT: residual foraminal stenosis at the operated level compressing the exiting root.',
    'MRI: canal and foramina adequately decompressed.',
  ],
  'OP-FRAG': [
    'Pain never relieved after discectomy; query retained fragment.',
    'Early post-operative MRI shows a retained sequestrated fragment.',
    'MRI: no residual disc material.',
  ],
  'OP-NR': [
    'New dysaesthetic leg pain and deficit straight after surgery.',
    'EMG/NCS: denervation (fibrillations) in the root territory; battered root.',
    'EMG/NCS normal.',
  ],
  'OP-DUR': [
    'Positional headache after surgery; query CSF leak.',
    'MRI: pseudomeningocele at the laminectomy site.',
    'MRI: no fluid collection.',
  ],
  'OP-HW': [
    'Radicular pain after instrumentation; query screw position.',
    'CT: medial pedicle breach (Gertzbein-Robbins grade C).',
    'CT: screws well positioned (grade A).',
  ],
  'POST-RDH': [
    'Recurrence of radicular pain after a pain-free interval.',
    'Gadolinium MRI: recurrent herniation at the operated level (rim enhancement only).',
    'Gadolinium MRI: enhancing scar, no recurrent disc.',
  ],
  'POST-PSA': [
    'Mechanical back pain after fusion; query nonunion.',
    'CT: no bridging bone, lucency around the S1 screws; pseudarthrosis.',
    'CT: solid fusion mass.',
  ],
  'POST-HWF': ['New pain and click; query hardware failure.', 'X-ray: broken right rod.', 'X-ray/CT: hardware intact.'],
  'POST-ASD': [
    'Recurrent pain above the fusion; query adjacent segment degeneration.',
    'MRI: adjacent-level stenosis with concordant symptoms.',
    'Adjacent level preserved on MRI.',
  ],
  'POST-INST': [
    'Mechanical pain after decompression; query instability.',
    'Flexion-extension X-ray: 5 mm translation at the operated level.',
    'Dynamic X-ray: no abnormal translation.',
  ],
  'POST-IMB': [
    'Stooped posture and fatigue after fusion.',
    'Standing full-spine X-ray: SVA 7 cm, PI-LL mismatch 18 degrees.',
    'Full-spine X-ray: balanced.',
  ],
  'POST-FIB': [
    'Persistent radicular pain; query epidural fibrosis.',
    'Gadolinium MRI: homogeneously enhancing epidural scar encasing the root.',
    'MRI: minimal scar, not compressive.',
  ],
  'POST-ARA': [
    'Burning bilateral leg pain; query arachnoiditis.',
    'MRI: clumped, peripherally adherent roots (empty sac sign).',
    'MRI: roots normally distributed.',
  ],
  'POST-INF': [
    'Night pain and raised CRP after surgery; query infection.',
    'MRI with gadolinium and biopsy: discitis; microbiology referral.',
    'CRP normalised; MRI without infection.',
  ],
  'POST-SIJ': ['Buttock pain, positive SIJ provocation tests.', 'Diagnostic SIJ block: 80% relief.', 'Diagnostic SIJ block: no relief.'],
  'POST-FAC': [
    'Axial pain worse on extension-rotation; query facet pain.',
    'Medial branch blocks: 80% relief on two occasions.',
    'Medial branch blocks: no relief.',
  ],
  'POST-DISC': [
    'Axial pain on sitting; degenerate disc on MRI.',
    'MRI: Modic changes at the symptomatic level; concordant history.',
    'Disc appearances not concordant with symptoms.',
  ],
  'POST-MYO': [
    'Paraspinal tenderness and trigger points; deconditioned.',
    'Examination: myofascial trigger points; paraspinal atrophy on MRI.',
    'No myofascial component on re-examination.',
  ],
  'POST-NEU': [
    'Burning, electric leg pain; DN4 screen positive.',
    'DN4 6/10, painDETECT 22: predominantly neuropathic pain.',
    'DN4 2/10: nociceptive pattern.',
  ],
  UND: ['Work-up in progress; no cause identified yet.', 'Work-up complete; no structural cause found.', 'Cause now identified.'],
};

type Profile = 'implant' | 'trial' | 'injection' | 'rfa' | 'course' | 'med' | 'surgery';
interface Response {
  /** Probability of >= 50% relief (responder) at the treatment's usual assessment point, leg and back. */
  leg: number;
  back: number;
  profile: Profile;
}
/**
 * Responder probabilities, tuned so that the measured 6-month rates (recorded integer NRS with noise,
 * against the pre-treatment assessment) land near fbss-domain.md §6: PROCESS (SCS 48% leg), SENZA (10 kHz
 * ~80% back, ~80% leg), conservative care ~10-15%. Injections: relief that fades by 3-6 months.
 */
const RESPONSE: Record<TreatmentCode, Response> = {
  PHYSIO: { leg: 0.04, back: 0.07, profile: 'course' },
  'PMP-CBT': { leg: 0.04, back: 0.06, profile: 'course' },
  'MED-GABAPENTINOID': { leg: 0.07, back: 0.03, profile: 'med' },
  'MED-SNRI-TCA': { leg: 0.05, back: 0.04, profile: 'med' },
  'MED-NSAID': { leg: 0.02, back: 0.05, profile: 'med' },
  'MED-OPIOID': { leg: 0.05, back: 0.05, profile: 'med' },
  'ESI-IL': { leg: 0.45, back: 0.2, profile: 'injection' },
  'ESI-TF': { leg: 0.5, back: 0.15, profile: 'injection' },
  ADHESIOLYSIS: { leg: 0.4, back: 0.2, profile: 'injection' },
  MBB: { leg: 0.05, back: 0.5, profile: 'injection' },
  RFA: { leg: 0.08, back: 0.5, profile: 'rfa' },
  'SIJ-INJ': { leg: 0.15, back: 0.45, profile: 'injection' },
  'PRF-DRG': { leg: 0.35, back: 0.05, profile: 'injection' },
  'SCS-TRIAL': { leg: 0, back: 0, profile: 'trial' },
  'SCS-IMPLANT': { leg: 0.5, back: 0.3, profile: 'implant' },
  'SCS-10KHZ': { leg: 0.85, back: 0.9, profile: 'implant' },
  'DRG-STIM': { leg: 0.55, back: 0.2, profile: 'implant' },
  ITDD: { leg: 0.4, back: 0.4, profile: 'implant' },
  'REVISION-SURGERY': { leg: 0.1, back: 0.08, profile: 'surgery' },
};

const FOLLOW_UP_MONTHS: Record<string, readonly number[]> = Object.fromEntries(TREATMENTS.map((t) => [t.code, t.followUpMonths]));
const TREATMENT_NAME: Record<string, string> = Object.fromEntries(TREATMENTS.map((t) => [t.code, t.name]));

/** ODI v2.1a section offsets relative to the patient's mean item (lifting and sitting harder, personal care easier). */
const ODI_SECTION_OFFSET = [0.2, -0.8, 0.7, 0.1, 0.3, 0.3, 0.0, 0.2, 0.0, 0.3];

const RED_FLAG_GENERAL = weighted<RedFlagCode>([
  ['night-pain', 20],
  ['bilateral-sciatica', 10],
  ['progressive-weakness', 8],
  ['motor-deficit', 8],
  ['foot-drop', 4],
  ['fever', 5],
  ['raised-crp-esr', 2],
  ['saddle-numbness', 4],
  ['bladder-dysfunction', 4],
  ['bowel-dysfunction', 2],
  ['sexual-dysfunction', 2],
  ['suicidal-ideation', 6],
  ['cancer-or-weight-loss', 4],
  ['new-trauma-or-fracture', 5],
  ['immunosuppression-or-ivdu', 2],
]);
const RED_FLAG_DEVICE = weighted<RedFlagCode>([
  ['stimulation-loss', 6],
  ['shocks', 3],
  ['lead-migration', 5],
  ['pocket-pain', 8],
  ['scs-site-erythema', 3],
]);
const RED_FLAG_ACTIONS: Partial<Record<RedFlagCode, readonly string[]>> = {
  'saddle-numbness': [
    'Same-day MRI: no cauda equina compression. Safety-netted.',
    'Emergency MRI arranged; discussed with on-call spinal team.',
  ],
  'bladder-dysfunction': [
    'Post-void residual 60 mL; same-day MRI negative for cauda equina.',
    'Emergency MRI arranged; on-call spinal team informed.',
  ],
  'bowel-dysfunction': ['Same-day MRI: no compression. GP to review constipation (opioids).'],
  'bilateral-sciatica': ['Urgent MRI: no new compression. Reviewed in clinic.', 'Same-day MRI arranged; no cauda equina.'],
  'progressive-weakness': ['Urgent neurological review; MRI requested.', 'Reviewed: MRC grades stable, MRI booked.'],
  'sexual-dysfunction': ['Same-day MRI: no cauda equina compression.'],
  'motor-deficit': ['Urgent review and MRI requested.', 'Urgent spinal surgical opinion requested.'],
  'foot-drop': ['Urgent MRI and spinal surgical referral.', 'Seen same week; ankle-foot orthosis and MRI.'],
  fever: ['Bloods (FBC, CRP) normal; viral illness.', 'CRP 85: admitted for MRI and surgical review.'],
  'raised-crp-esr': ['MRI with gadolinium: no discitis. Repeat CRP in 2 weeks.'],
  'night-pain': ['Bloods and MRI requested to exclude infection or malignancy.', 'Reviewed: mechanical pattern, no sinister features.'],
  'immunosuppression-or-ivdu': ['Infection screen requested; GP informed.'],
  'scs-site-erythema': ['Device clinic review: superficial cellulitis, oral antibiotics.', 'Pocket erythema reviewed; no collection.'],
  'stimulation-loss': [
    'Device clinic: battery depleted, recharged and re-educated.',
    'Device clinic: lead impedance checked, reprogrammed.',
  ],
  shocks: ['Device clinic: amplitude adjusted, new programme.'],
  'lead-migration': ['X-ray: lead migration of one level; reprogrammed.', 'Lead revision booked.'],
  'pocket-pain': ['Device clinic review; pocket tender, no infection. Analgesia.', 'Referred for pocket revision.'],
  'suicidal-ideation': [
    'Same-day mental health risk assessment; crisis team contact given.',
    'GP and community mental health team informed same day.',
  ],
  'overdose-risk': ['Naloxone supplied; opioid taper plan agreed with GP.'],
  'cancer-or-weight-loss': ['Bloods and MRI whole spine requested; GP informed.'],
  'new-trauma-or-fracture': ['X-ray: no fracture.', 'MRI: osteoporotic wedge fracture; bone health referral.'],
  'positional-headache': ['Reviewed: CSF leak excluded, headache settled.'],
  'post-injection-weakness': ['Same-day MRI: no epidural haematoma.'],
};

const ASSESSMENT_NOTES = [
  'Phone review.',
  'Walking distance about 200 m before leg pain stops him.',
  'Walking distance improved to about 1 km.',
  'Sleeping better.',
  'Flare after gardening last week.',
  'Struggling at work; reduced hours.',
  'Back at work on light duties.',
  'Using a stick outdoors.',
  'Wants to reduce opioids.',
  'Pain diary reviewed.',
  'Attended with partner.',
  'Interpreter used.',
  'Video consultation.',
  'Mood low; GP aware.',
  'Stimulator programme adjusted.',
  'Pleased with progress.',
];

// ---------------------------------------------------------------------------------------------------
// Bulk insert: one JSON parameter per table and chunk, short keys, rows as tuples in column order
// ---------------------------------------------------------------------------------------------------

type Value = string | number | boolean | null | undefined | readonly unknown[] | Record<string, unknown>;
/**
 * [column, type] is sent in the JSON; [column, null, expr] is computed in SQL (expr may name sent columns as
 * {column}); [column, type, expr] is sent and wrapped (e.g. a coalesce for a value left out when empty).
 * Deriving duplicates (created_at = recorded_at ...) keeps the JSON small and the parsing cheap.
 */
interface TableSpec {
  name: string;
  columns: readonly (readonly [string, string | null, string?])[];
}
const TABLES = {
  patients: {
    name: 'patients',
    columns: [
      ['id', 'uuid'],
      ['mrn', 'text'],
      ['family_name', 'text'],
      ['given_name', 'text'],
      ['date_of_birth', 'date'],
      ['sex', 'text'],
      ['phone', 'text'],
      ['email', 'text'],
      ['status', 'text'],
      ['priority', 'text'],
      ['referred_on', 'date'],
      ['responsible_specialist_id', 'uuid'],
      ['named_nurse_id', 'uuid'],
      ['index_procedure', 'text'],
      ['index_surgery_date', 'date'],
      ['index_surgeon', 'text'],
      ['latest_back_nrs', 'float8'],
      ['latest_back_at', 'timestamptz'],
      ['latest_leg_nrs', 'float8'],
      ['latest_leg_at', 'timestamptz'],
      ['baseline_back_nrs', 'float8'],
      ['baseline_leg_nrs', 'float8'],
      ['latest_assessed_at', 'timestamptz'],
      ['open_red_flag', 'boolean', 'coalesce({open_red_flag}, false)'],
      ['next_follow_up_due', 'date'],
      ['version', 'int'],
      ['created_at', 'timestamptz'],
      ['created_by', 'uuid'],
      ['updated_at', 'timestamptz'],
      ['updated_by', 'uuid'],
    ],
  },
  referrals: {
    name: 'referrals',
    columns: [
      ['id', 'uuid'],
      ['patient_id', 'uuid'],
      ['referring_clinician', 'text'],
      ['referred_on', 'date'],
      ['reason', 'text'],
      ['priority', 'text'],
      ['status', 'text'],
      ['version', 'int'],
      ['created_at', 'timestamptz'],
      ['created_by', 'uuid'],
      ['updated_at', 'timestamptz'],
      ['updated_by', 'uuid'],
    ],
  },
  surgeries: {
    name: 'surgeries',
    columns: [
      ['id', 'uuid'],
      ['patient_id', 'uuid'],
      ['procedure', 'text'],
      ['levels', 'text[]'],
      ['performed_on', 'date'],
      ['surgeon', 'text'],
      ['hospital', 'text'],
      ['instrumentation', 'text'],
      ['is_index', 'boolean'],
      ['created_at', 'timestamptz'],
      ['created_by', 'uuid'],
      ['updated_at', 'timestamptz'],
      ['updated_by', 'uuid'],
    ],
  },
  causeTags: {
    name: 'cause_tags',
    columns: [
      ['id', 'uuid'],
      ['patient_id', 'uuid'],
      ['code', 'text'],
      ['status', 'text'],
      ['evidence_note', 'text'],
      ['tagged_by', 'uuid'],
      ['tagged_at', 'timestamptz'],
      ['version', 'int'],
      ['created_at', 'timestamptz'],
      ['created_by', 'uuid'],
      ['updated_at', 'timestamptz'],
      ['updated_by', 'uuid'],
    ],
  },
  causeTagEvents: {
    name: 'cause_tag_events',
    columns: [
      ['id', 'uuid'],
      ['cause_tag_id', 'uuid'],
      ['status', 'text'],
      ['evidence_note', 'text'],
      ['changed_by', 'uuid'],
      ['changed_at', 'timestamptz'],
      ['change', 'text'],
    ],
  },
  plans: {
    name: 'treatment_plans',
    columns: [
      ['id', 'uuid'],
      ['patient_id', 'uuid'],
      ['status', 'text'],
      ['goals', 'jsonb'],
      ['version', 'int'],
      ['created_at', 'timestamptz'],
      ['created_by', 'uuid'],
      ['updated_at', 'timestamptz'],
      ['updated_by', 'uuid'],
    ],
  },
  items: {
    name: 'plan_items',
    columns: [
      ['id', 'uuid'],
      ['plan_id', 'uuid'],
      ['patient_id', 'uuid'],
      ['treatment_code', 'text'],
      ['status', 'text'],
      ['planned_on', 'date'],
      ['started_on', 'date'],
      ['ended_on', 'date'],
      ['responsible_clinician_id', 'uuid'],
      ['addresses_causes', 'text[]'],
      ['stop_reason', 'text'],
      ['outcome_note', 'text'],
      ['trial_relief_pct', 'int'],
      ['trial_decision', 'text'],
      ['version', 'int'],
      ['created_at', 'timestamptz'],
      ['created_by', 'uuid'],
      ['updated_at', 'timestamptz'],
      ['updated_by', 'uuid'],
    ],
  },
  itemEvents: {
    name: 'plan_item_events',
    columns: [
      ['id', 'uuid'],
      ['plan_item_id', 'uuid'],
      ['changed_by', 'uuid'],
      ['changed_at', 'timestamptz'],
      ['change', 'jsonb'],
    ],
  },
  assessments: {
    name: 'assessments',
    columns: [
      ['id', 'uuid'],
      ['patient_id', 'uuid'],
      ['recorded_at', 'timestamptz'],
      ['recorded_by', 'uuid'],
      ['back_nrs', 'float8'],
      ['leg_nrs', 'float8'],
      ['symptoms', 'jsonb', "coalesce({symptoms}, '[]'::jsonb)"],
      ['red_flags_screened', 'boolean'],
      ['red_flags', 'text[]', "coalesce({red_flags}, '{}'::text[])"],
      ['odi_answers', 'jsonb'],
      ['odi_score', 'float8'],
      ['note', 'text'],
      ['source', null, "'seed'"],
      ['created_at', null, '{recorded_at}'],
      ['created_by', null, '{recorded_by}'],
      ['updated_at', null, '{recorded_at}'],
      ['updated_by', null, '{recorded_by}'],
    ],
  },
  alerts: {
    name: 'red_flag_alerts',
    columns: [
      ['id', 'uuid'],
      ['patient_id', 'uuid'],
      ['assessment_id', 'uuid'],
      ['flags', 'text[]'],
      ['raised_at', 'timestamptz'],
      ['acknowledged_at', 'timestamptz'],
      ['acknowledged_by', 'uuid'],
      ['action_taken', 'text'],
      ['version', 'int'],
      ['created_at', 'timestamptz'],
      ['created_by', 'uuid'],
      ['updated_at', 'timestamptz'],
      ['updated_by', 'uuid'],
    ],
  },
  notes: {
    name: 'clinical_notes',
    columns: [
      ['id', 'uuid'],
      ['patient_id', 'uuid'],
      ['author_id', 'uuid'],
      ['written_at', 'timestamptz'],
      ['body', 'text'],
      ['created_at', 'timestamptz'],
      ['created_by', 'uuid'],
      ['updated_at', 'timestamptz'],
      ['updated_by', 'uuid'],
    ],
  },
  followUps: {
    name: 'follow_ups',
    columns: [
      ['id', 'uuid'],
      ['plan_item_id', 'uuid'],
      ['patient_id', 'uuid'],
      ['month_offset', 'int'],
      ['due_on', 'date'],
      ['completed_assessment_id', 'uuid'],
      ['status', 'text'],
      ['version', 'int'],
      ['created_at', 'timestamptz'],
      ['created_by', 'uuid'],
      ['updated_at', 'timestamptz'],
      ['updated_by', 'uuid'],
    ],
  },
} as const satisfies Record<string, TableSpec>;
type TableKey = keyof typeof TABLES;
/** Insert order (foreign keys). */
const TABLE_ORDER: readonly TableKey[] = [
  'patients',
  'referrals',
  'surgeries',
  'causeTags',
  'causeTagEvents',
  'plans',
  'items',
  'itemEvents',
  'assessments',
  'alerts',
  'notes',
  'followUps',
];
type Row = Value[];
type Rows = Record<TableKey, Row[]>;
const emptyRows = (): Rows => Object.fromEntries(TABLE_ORDER.map((k) => [k, []])) as unknown as Rows;

function shortKey(i: number): string {
  return i < 26 ? String.fromCharCode(97 + i) : `${String.fromCharCode(97 + Math.floor(i / 26) - 1)}${String.fromCharCode(97 + (i % 26))}`;
}
/** The columns a row tuple carries, in order. */
function sentColumns(spec: TableSpec): (readonly [string, string])[] {
  return spec.columns.filter((c): c is readonly [string, string] => c[1] !== null);
}
const insertSqlCache = new Map<string, { head: string; tail: string; keys: string[] }>();
function insertSql(spec: TableSpec): { head: string; tail: string; keys: string[] } {
  let s = insertSqlCache.get(spec.name);
  if (!s) {
    const sent = sentColumns(spec);
    const keys = new Map(sent.map(([c], i) => [c, shortKey(i)]));
    const keyOf = (column: string): string => must(keys.get(column), `the column ${spec.name}.${column}`);
    const select = spec.columns.map(([c, , expr]) => (expr ? expr.replace(/\{(\w+)\}/g, (_, ref: string) => keyOf(ref)) : keyOf(c)));
    s = {
      keys: sent.map(([c]) => `"${keyOf(c)}":`),
      head: `insert into ${spec.name} (${spec.columns.map(([c]) => c).join(', ')}) select ${select.join(', ')} from json_to_recordset(`,
      tail: `::json) as x(${sent.map(([c, type]) => `${keyOf(c)} ${type}`).join(', ')})`,
    };
    insertSqlCache.set(spec.name, s);
  }
  return s;
}
function encode(v: Value): string {
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v);
    case 'number':
      if (!Number.isFinite(v)) throw new RangeError(`Non-finite number in seed data: ${v}`);
      return String(v);
    case 'boolean':
      return v ? 'true' : 'false';
    default:
      return JSON.stringify(v);
  }
}
function rowsToJson(keys: readonly string[], rows: readonly Row[]): string {
  const parts: string[] = [];
  for (const row of rows) {
    let s = '{';
    let first = true;
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      const key = keys[j];
      if (v === null || v === undefined || key === undefined) continue; // a missing key is NULL in json_to_recordset
      s += (first ? '' : ',') + key + encode(v);
      first = false;
    }
    parts.push(`${s}}`);
  }
  return `[${parts.join(',')}]`;
}

const MAX_ROWS_PER_STATEMENT = 25_000;

/** A chunk of patients, generated and encoded: one JSON document per table and statement. */
interface Chunk {
  ids: string[];
  json: Record<TableKey, string[]>;
  counts: Record<TableKey, number>;
  assessments: number;
}

function generateChunk(ctx: Ctx, from: number, to: number): Chunk {
  const rows = emptyRows();
  const ids: string[] = [];
  const stats: PatientStats = { assessments: 0 };
  for (let n = from; n < to; n++) ids.push(generatePatient(ctx, n, rows, stats));
  const json = {} as Record<TableKey, string[]>;
  const counts = {} as Record<TableKey, number>;
  for (const key of TABLE_ORDER) {
    const { keys } = insertSql(TABLES[key]);
    const all = rows[key];
    json[key] = [];
    for (let i = 0; i < all.length; i += MAX_ROWS_PER_STATEMENT) json[key].push(rowsToJson(keys, all.slice(i, i + MAX_ROWS_PER_STATEMENT)));
    counts[key] = all.length;
  }
  return { ids, json, counts, assessments: stats.assessments };
}

async function insertChunk(tx: Tx, chunk: Chunk): Promise<void> {
  for (const key of TABLE_ORDER) {
    const { head, tail } = insertSql(TABLES[key]);
    for (const json of chunk.json[key]) await tx.execute(sql`${sql.raw(head)}${json}${sql.raw(tail)}`);
  }
}

/** Where chunks come from: generated inline, or by a worker thread while the database inserts the previous one. */
interface ChunkSource {
  get(from: number, to: number): Promise<Chunk>;
  close(): Promise<void>;
}

function inlineSource(ctx: Ctx): ChunkSource {
  return {
    get: (from, to) => Promise.resolve(generateChunk(ctx, from, to)),
    close: () => Promise.resolve(),
  };
}

interface WorkerInit {
  fbssCohortWorker: true;
  seed: number;
  today: string;
  clinicians: SeedCohortOptions['clinicians'];
}
type WorkerReply = { ready: true } | { chunk: Chunk } | { error: string };

/**
 * PGlite runs on the main thread, so generating and encoding the next chunk in a worker (the second core)
 * overlaps with the inserts. Under tsx the worker registers tsx before importing this module. Null when the
 * worker cannot start (the caller falls back to inline generation).
 */
async function workerSource(init: Omit<WorkerInit, 'fbssCohortWorker'>): Promise<ChunkSource | null> {
  const self = import.meta.url;
  const boot = self.endsWith('.ts')
    ? `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(self)}); })`
    : `import(${JSON.stringify(self)})`;
  let worker: Worker;
  try {
    worker = new Worker(boot, { eval: true, workerData: { ...init, fbssCohortWorker: true } satisfies WorkerInit });
  } catch {
    return null;
  }
  const waiting: { resolve: (c: Chunk) => void; reject: (e: Error) => void }[] = [];
  let failure: Error | null = null;
  const fail = (e: Error): void => {
    failure ??= e;
    for (const w of waiting.splice(0)) w.reject(e);
  };
  const ready = await new Promise<boolean>((resolve) => {
    worker.once('message', (m: WorkerReply) => resolve('ready' in m));
    worker.once('error', () => resolve(false));
  });
  if (!ready) {
    await worker.terminate();
    return null;
  }
  worker.on('message', (m: WorkerReply) => {
    if ('chunk' in m) waiting.shift()?.resolve(m.chunk);
    else if ('error' in m) fail(new Error(`demo cohort worker: ${m.error}`));
  });
  worker.on('error', (e) => fail(e));
  worker.on('exit', (code) => fail(new Error(`demo cohort worker exited (${code})`)));
  return {
    get(from, to) {
      if (failure) return Promise.reject(failure);
      return new Promise<Chunk>((resolve, reject) => {
        waiting.push({ resolve, reject });
        worker.postMessage({ from, to });
      });
    },
    async close() {
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}

function runWorker(init: WorkerInit): void {
  const port = parentPort;
  if (!port) return;
  const ctx = makeCtx(init.seed, init.today, init.clinicians);
  port.on('message', (m: { from: number; to: number }) => {
    try {
      port.postMessage({ chunk: generateChunk(ctx, m.from, m.to) } satisfies WorkerReply);
    } catch (e) {
      port.postMessage({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies WorkerReply);
    }
  });
  port.postMessage({ ready: true } satisfies WorkerReply);
}

// ---------------------------------------------------------------------------------------------------
// The generator
// ---------------------------------------------------------------------------------------------------

interface Ctx {
  seed: number;
  keys: IdKeys;
  today: number;
  specialists: readonly string[];
  nurses: readonly string[];
}

interface Surgery {
  procedure: ProcedureCode;
  levels: SpinalLevel[];
  day: number;
  surgeon: string;
}

interface Item {
  id: string;
  code: TreatmentCode;
  status: PlanItemStatus;
  plannedOn: number;
  start: number | null;
  end: number | null;
  /** Peak relief fraction by site (negative = worse). */
  rLeg: number;
  rBack: number;
  tau: number;
  plateau: number;
  trialRelief: number | null;
  trialSuccess: boolean | null;
  stopReason: string | null;
  causes: CauseCode[];
  /** Follow-ups after this day are cancelled (superseded, stopped, discharged). */
  followUpsUntil: number;
}

type StartedItem = Item & { start: number };

interface PatientStats {
  assessments: number;
}

/**
 * Where a patient is in the pathway on `today` (case-status.ts): referred until triage starts, in triage until
 * triaged, then in assessment (waiting for and going through the MDT work-up) until the plan starts.
 */
function deriveStatus(
  today: number,
  t: { triage: number; triaged: number; planStart: number | null; discharge: number | null; items: Item[] },
): CaseStatus {
  if (t.discharge !== null && t.discharge <= today) return 'discharged';
  if (today < t.triage) return 'referred';
  if (today < t.triaged) return 'triage';
  if (t.planStart === null || today < t.planStart || t.items.length === 0) return 'assessment';
  const lastStart = Math.max(...t.items.map((i) => i.start ?? -Infinity));
  if (t.items.some((i) => i.status === 'active' || i.status === 'planned') || today - lastStart < 120) return 'treatment';
  return 'follow-up';
}

function relief(item: Item, day: number, site: 'leg' | 'back'): number {
  if (item.start === null || day < item.start) return 0;
  const r = site === 'leg' ? item.rLeg : item.rBack;
  const dt = day - item.start;
  switch (RESPONSE[item.code].profile) {
    case 'trial':
      return 0; // leads removed after the trial; no assessments during it
    case 'implant': {
      const ramp = Math.min(1, dt / 14);
      // Some loss of effect over two years (PROCESS 48% -> 34% at 12 months; SENZA held better).
      const fade = item.code === 'SCS-10KHZ' ? 0.08 : 0.2;
      return r * ramp * (1 - fade * Math.min(1, dt / 730));
    }
    case 'injection': {
      // Relief within days, a plateau of a few weeks, then fading: mostly gone by 3-6 months.
      if (dt < 4) return r * (dt / 4);
      if (dt <= item.plateau) return r;
      return r * Math.exp(-(dt - item.plateau) / item.tau);
    }
    case 'rfa': {
      const ramp = Math.min(1, dt / 14);
      const fade = dt <= 180 ? 1 : Math.max(0, 1 - (dt - 180) / 240);
      return r * ramp * fade;
    }
    case 'course':
    case 'med': {
      const ramp = Math.min(1, dt / 42);
      if (item.end === null || day <= item.end) return r * ramp;
      const after = day - item.end;
      // Exercise and CBT leave some lasting benefit; drugs stop working when stopped.
      return RESPONSE[item.code].profile === 'course' ? r * ramp * (0.5 + 0.5 * Math.exp(-after / 120)) : r * ramp * Math.exp(-after / 20);
    }
    case 'surgery': {
      if (dt < 21) return -0.2 * (1 - dt / 21); // post-operative pain first
      return r * Math.min(1, (dt - 21) / 42) * (1 - 0.15 * Math.min(1, dt / 730));
    }
  }
}

function clampNrs(x: number): number {
  return x < 0 ? 0 : x > 10 ? 10 : x;
}

function levelsFor(rng: Rng, procedure: ProcedureCode, primary: SpinalLevel): SpinalLevel[] {
  const def = PROCEDURE[procedure];
  const idx = LEVELS.indexOf(primary);
  let n = 1;
  if (def.fusion)
    n = rng.weighted(
      weighted([
        [1, 65],
        [2, 30],
        [3, 5],
      ] as const),
    );
  else if (procedure === 'LAMINECTOMY' || procedure === 'REVISION-DECOMPRESSION')
    n = rng.weighted(
      weighted([
        [1, 50],
        [2, 38],
        [3, 12],
      ] as const),
    );
  const out: SpinalLevel[] = [primary];
  let lo = idx;
  let hi = idx;
  while (out.length < n) {
    // Extend towards the sacrum first when possible (L4/L5 + L5/S1 is the usual two-level fusion).
    if (hi < LEVELS.length - 1 && (lo === 0 || rng.chance(0.7))) out.push(must(LEVELS[++hi], 'a level'));
    else if (lo > 0) out.push(must(LEVELS[--lo], 'a level'));
    else break;
  }
  return LEVELS.filter((l) => out.includes(l));
}

/** "L4-L5", "L5-S1" -> "L4-S1" (vertebrae spanned). */
function span(levels: readonly SpinalLevel[]): string {
  const first = must(levels[0], 'a level').split('-')[0] ?? '';
  const last = must(levels.at(-1), 'a level').split('-')[1] ?? '';
  return `${first}-${last}`;
}
function levelText(levels: readonly SpinalLevel[]): string {
  return levels.map((l) => l.replace('-', '/')).join(', ');
}

function instrumentationFor(rng: Rng, procedure: ProcedureCode, levels: SpinalLevel[]): string | null {
  const s = span(levels);
  switch (procedure) {
    case 'PLF':
      return `Pedicle screws and rods ${s}${rng.chance(0.4) ? ', posterolateral bone graft' : ''}`;
    case 'TLIF':
    case 'PLIF':
      return `Pedicle screws and rods ${s}, ${rng.chance(0.7) ? 'PEEK' : 'titanium'} interbody cage${levels.length > 1 ? 's' : ''}`;
    case 'ALIF':
      return rng.chance(0.5)
        ? `Stand-alone ALIF cage with integrated screws ${levelText(levels)}`
        : `ALIF cage ${levelText(levels)} with posterior percutaneous pedicle screws`;
    case 'LLIF':
      return `Lateral interbody cage ${levelText(levels)}, posterior percutaneous pedicle screws`;
    case 'DISC-REPLACEMENT':
      return `Lumbar total disc prosthesis ${levelText(levels)}`;
    case 'REVISION-FUSION':
      return `Revision pedicle screws and rods ${s}${rng.chance(0.5) ? ', interbody cage' : ''}`;
    default:
      return null;
  }
}

const PROCEDURE_PHRASE: Record<ProcedureCode, string> = {
  DISCECTOMY: 'discectomy',
  MICRODISCECTOMY: 'microdiscectomy',
  LAMINECTOMY: 'decompressive laminectomy',
  PLF: 'posterolateral fusion',
  TLIF: 'TLIF',
  PLIF: 'PLIF',
  ALIF: 'ALIF',
  LLIF: 'lateral interbody fusion',
  'DISC-REPLACEMENT': 'disc replacement',
  'REVISION-DECOMPRESSION': 'revision decompression',
  'REVISION-FUSION': 'revision fusion',
  OTHER: 'spinal surgery',
};

function causeWeights(surgs: readonly Surgery[], phenotype: Phenotype): [CauseCode, number][] {
  const anyFusion = surgs.some((s) => PROCEDURE[s.procedure].fusion);
  const anyInstrumented = surgs.some((s) => PROCEDURE[s.procedure].instrumented);
  const index = must(surgs.at(-1), 'the index surgery');
  const decompression = ['DISCECTOMY', 'MICRODISCECTOMY', 'LAMINECTOMY', 'REVISION-DECOMPRESSION'].includes(index.procedure);
  const discectomyEver = surgs.some((s) => s.procedure === 'DISCECTOMY' || s.procedure === 'MICRODISCECTOMY');
  const toSacrum = surgs.some((s) => PROCEDURE[s.procedure].fusion && s.levels.includes('L5-S1'));
  const out: [CauseCode, number][] = [];
  for (const [code, base] of Object.entries(CAUSE_BASE_WEIGHTS) as [CauseCode, number][]) {
    let wgt = base;
    if (FUSION_ONLY_CAUSES.includes(code) && !anyFusion) wgt = 0;
    if (INSTRUMENTED_ONLY_CAUSES.includes(code) && !anyInstrumented) wgt = 0;
    if ((code === 'POST-RDH' || code === 'OP-FRAG') && !discectomyEver) wgt = 0;
    if (code === 'POST-INST' && !decompression) wgt = 0;
    if (code === 'POST-SIJ' && toSacrum) wgt *= 2;
    if (code === 'OP-DEC' && !decompression) wgt *= 0.5;
    if ((code === 'POST-NEU' || code === 'POST-FIB' || code === 'OP-NR' || code === 'OP-DEC') && phenotype === 'leg') wgt *= 1.5;
    if ((code === 'POST-FAC' || code === 'POST-SIJ' || code === 'POST-DISC' || code === 'POST-MYO') && phenotype === 'back') wgt *= 1.6;
    if (wgt > 0) out.push([code, wgt]);
  }
  return out;
}

/** Treatments that address each cause, as [code, weight]. */
function treatmentCandidates(causes: readonly CauseCode[], phenotype: Phenotype): [TreatmentCode, number][] {
  const wgt = new Map<TreatmentCode, number>([
    ['PHYSIO', 10],
    ['PMP-CBT', 3],
    ['MED-GABAPENTINOID', phenotype === 'back' ? 2 : 7],
    ['MED-SNRI-TCA', 4],
    ['MED-NSAID', 3],
    ['MED-OPIOID', 2],
    ['ESI-TF', phenotype === 'back' ? 1 : 6],
    ['ESI-IL', phenotype === 'back' ? 1 : 3],
  ]);
  const add = (c: TreatmentCode, n: number): void => {
    wgt.set(c, (wgt.get(c) ?? 0) + n);
  };
  for (const c of causes) {
    switch (c) {
      case 'POST-FAC':
        add('MBB', 14);
        break;
      case 'POST-SIJ':
        add('SIJ-INJ', 14);
        break;
      case 'POST-FIB':
        add('ADHESIOLYSIS', 7);
        add('ESI-TF', 4);
        break;
      case 'POST-NEU':
      case 'OP-NR':
      case 'POST-ARA':
        add('MED-GABAPENTINOID', 6);
        add('PRF-DRG', 4);
        break;
      case 'OP-DEC':
      case 'POST-RDH':
        add('ESI-TF', 6);
        add('REVISION-SURGERY', 3);
        break;
      case 'POST-PSA':
      case 'POST-HWF':
      case 'OP-HW':
      case 'POST-INST':
        add('REVISION-SURGERY', 4);
        break;
      case 'POST-MYO':
      case 'POST-DISC':
        add('PHYSIO', 8);
        break;
      case 'PRE-PSY':
        add('PMP-CBT', 10);
        break;
      default:
        break;
    }
  }
  return [...wgt.entries()];
}

/** Which of the patient's causes an item addresses. */
function addresses(code: TreatmentCode, causes: readonly CauseCode[]): CauseCode[] {
  const target: Partial<Record<TreatmentCode, readonly CauseCode[]>> = {
    MBB: ['POST-FAC'],
    RFA: ['POST-FAC'],
    'SIJ-INJ': ['POST-SIJ'],
    ADHESIOLYSIS: ['POST-FIB'],
    'ESI-TF': ['POST-FIB', 'OP-DEC', 'POST-RDH'],
    'ESI-IL': ['POST-FIB', 'OP-DEC', 'POST-RDH'],
    'PRF-DRG': ['POST-NEU', 'OP-NR'],
    'MED-GABAPENTINOID': ['POST-NEU', 'OP-NR', 'POST-ARA', 'POST-FIB'],
    'MED-SNRI-TCA': ['POST-NEU', 'PRE-PSY'],
    'PMP-CBT': ['PRE-PSY'],
    PHYSIO: ['POST-MYO', 'POST-DISC', 'POST-SIJ', 'POST-FAC'],
    'SCS-TRIAL': ['POST-NEU', 'POST-FIB', 'OP-NR', 'POST-ARA'],
    'SCS-IMPLANT': ['POST-NEU', 'POST-FIB', 'OP-NR', 'POST-ARA'],
    'SCS-10KHZ': ['POST-NEU', 'POST-FIB', 'OP-NR', 'POST-ARA', 'POST-DISC'],
    'DRG-STIM': ['POST-NEU', 'OP-NR'],
    'REVISION-SURGERY': ['OP-DEC', 'POST-RDH', 'POST-PSA', 'POST-HWF', 'OP-HW', 'POST-INST', 'POST-ASD'],
  };
  const t = target[code];
  if (!t) return [];
  return causes.filter((c) => t.includes(c));
}

const STOP_REASONS: Partial<Record<TreatmentCode, readonly string[]>> = {
  'MED-GABAPENTINOID': ['Drowsiness and dizziness.', 'Weight gain and ankle swelling.', 'No benefit at maximum tolerated dose.'],
  'MED-SNRI-TCA': ['Dry mouth and constipation.', 'Nausea.', 'No benefit.'],
  'MED-NSAID': ['Dyspepsia.', 'Stopped: renal function.'],
  'MED-OPIOID': ['Tapered: no functional benefit.', 'Constipation and sedation.'],
  PHYSIO: ['Pain flare with exercise; paused.', 'Did not attend.'],
  'PMP-CBT': ['Did not complete the programme.'],
};

function outcomeNote(rLeg: number, rBack: number): string {
  const r = Math.max(rLeg, rBack);
  if (r >= 0.5) return 'Good relief.';
  if (r >= 0.3) return 'Partial relief.';
  if (r >= 0.1) return 'Minimal benefit.';
  return 'No benefit.';
}

/** Generates one patient with everything attached, appending rows to `rows`. */
function generatePatient(ctx: Ctx, n: number, rows: Rows, stats: PatientStats): string {
  const rng = new Rng(fmix32((Math.imul(ctx.seed | 0, 0x9e3779b1) ^ fmix32(n + 0x632be5ab)) >>> 0));
  const id = (kind: number, seq: number): string => makeId(ctx.keys, kind, n, seq);
  const today = ctx.today;
  const lastDay = today - 1; // timestamped events happen before today, so none lies in the future
  const pid = id(K.patient, 0);

  // ---- Demographics ----
  const sexRoll = rng.next();
  const sex: Sex = sexRoll < 0.52 ? 'female' : sexRoll < 0.995 ? 'male' : sexRoll < 0.998 ? 'other' : 'unknown';
  const group = rng.weighted(NAME_GROUP_TABLE);
  const femaleName = sex === 'female' || (sex !== 'male' && rng.chance(0.5));
  const given = rng.chance(0.85) ? rng.pick(femaleName ? group.female : group.male) : rng.pick(femaleName ? ALL_FEMALE : ALL_MALE);
  const family = rng.chance(0.9) ? rng.pick(group.family) : rng.pick(ALL_FAMILY);
  // Ages 28-85, most between 45 and 70.
  const age = Math.max(28, Math.min(85, Math.round(56 + 11 * rng.normal())));
  const dob = today - age * 365 - rng.int(0, 364) - Math.floor(age / 4);
  const phone = `07${rng.int(100, 999)} ${rng.int(100000, 999999)}`;
  const email = rng.chance(0.6) ? `${given}.${family}${rng.int(1, 99)}@example.com`.toLowerCase().replace(/[^a-z0-9.@-]/g, '') : null;
  const mrn = `MRN${String(n + 1).padStart(7, '0')}`;

  // ---- Clinicians ----
  const specialist = ctx.specialists.length > 0 && rng.chance(0.94) ? rng.pick(ctx.specialists) : null;
  const nurse = ctx.nurses.length > 0 && rng.chance(0.88) ? rng.pick(ctx.nurses) : null;
  const aSpecialist = (): string | null => specialist ?? (ctx.specialists.length > 0 ? rng.pick(ctx.specialists) : null);
  const aNurse = (): string | null => (nurse && rng.chance(0.8) ? nurse : ctx.nurses.length > 0 ? rng.pick(ctx.nurses) : aSpecialist());

  // ---- Referral and index surgery ----
  const recentSurgery = rng.chance(0.015); // a few patients referred under 3 months after surgery
  let referral: number;
  let indexDay: number;
  if (recentSurgery) {
    indexDay = today - rng.int(25, 85);
    referral = Math.min(today, indexDay + rng.int(14, 40));
  } else {
    referral = today - rng.int(0, 1095);
    // Surgery to referral: at least 3 months, median about 14 months, long tail to years.
    indexDay = referral - Math.min(3650, Math.round(95 + 330 * Math.exp(0.8 * rng.normal())));
  }
  const priority: ReferralPriority = rng.weighted(PRIORITY_TABLE);
  const phenotype: Phenotype = rng.weighted(PHENOTYPE_TABLE);

  const nSurg = recentSurgery ? 1 : rng.weighted(SURGERY_COUNT_TABLE);
  const primary = rng.weighted(PRIMARY_LEVEL_TABLE);
  const surgs: Surgery[] = [];
  {
    const days: number[] = [indexDay];
    for (let k = 1, prev = indexDay; k < nSurg; k++) days.push((prev -= rng.int(240, 2200)));
    days.reverse();
    let prevFusion = false;
    let prevDiscectomy = false;
    for (let k = 0; k < nSurg; k++) {
      const isIndex = k === nSurg - 1;
      let proc: ProcedureCode;
      if (k === 0) proc = isIndex ? rng.weighted(FIRST_PROCEDURE_TABLE) : rng.weighted(EARLIER_PROCEDURE_TABLE);
      else if (prevFusion)
        proc = rng.chance(0.6)
          ? 'REVISION-FUSION'
          : rng.chance(0.5)
            ? 'REVISION-DECOMPRESSION'
            : rng.pick(['TLIF', 'PLF', 'LLIF'] as const);
      else if (prevDiscectomy)
        proc = rng.pick([
          'MICRODISCECTOMY',
          'MICRODISCECTOMY',
          'DISCECTOMY',
          'TLIF',
          'TLIF',
          'PLIF',
          'REVISION-DECOMPRESSION',
          'LAMINECTOMY',
        ] as const);
      else proc = rng.pick(['REVISION-DECOMPRESSION', 'TLIF', 'PLF', 'LAMINECTOMY', 'PLIF'] as const);
      // Later operations are at the same level, or adjacent to an earlier fusion.
      let lv = primary;
      if (prevFusion && proc !== 'REVISION-FUSION' && rng.chance(0.5)) {
        const i = LEVELS.indexOf(primary);
        lv = must(LEVELS[i > 0 ? i - 1 : i + 1], 'an adjacent level');
      }
      const levels = levelsFor(rng, proc, lv);
      surgs.push({ procedure: proc, levels, day: must(days[k], 'a surgery date'), surgeon: rng.weighted(SURGEON_TABLE) });
      prevFusion ||= PROCEDURE[proc].fusion;
      prevDiscectomy ||= proc === 'DISCECTOMY' || proc === 'MICRODISCECTOMY';
    }
  }
  const index = must(surgs.at(-1), 'the index surgery');
  const root = LEVEL_ROOT[must(index.levels.at(-1), 'an index level')];
  const legSide: Side = rng.weighted(SIDE_TABLE);

  // ---- Pathway timeline ----
  // Waits: triage starts within days and takes up to three weeks (red-flag screen, records); the MDT
  // assessment is often months later (pain clinic waiting lists).
  const triage = referral + rng.int(1, 10);
  const triaged = triage + rng.int(0, 21);
  const mdt = triaged + rng.int(14, 100);
  let discharge: number | null = null;
  let dischargeReason = '';
  const earlyDischarge = rng.next();
  if (earlyDischarge < 0.03) {
    discharge = triaged;
    dischargeReason = rng.pick(['redirected to the spinal surgeons', 'declined assessment', 'moved out of area']);
  } else if (earlyDischarge < 0.08) {
    discharge = mdt + rng.int(0, 14);
    dischargeReason = rng.pick(['no treatment suitable after MDT', 'declined treatment', 'referred back to surgeons for revision opinion']);
  }
  // A discharge still in the future is not known yet: those patients are simply still on the pathway.
  if (discharge !== null && discharge > lastDay) discharge = null;
  const planStart = discharge === null && earlyDischarge >= 0.08 ? mdt + rng.int(0, 42) : null;

  // ---- Baseline pain, disability and habits (patient level) ----
  const baseLeg = phenotype === 'leg' ? rng.range(6.2, 9.2) : phenotype === 'back' ? rng.range(2.2, 5.8) : rng.range(5.2, 8.4);
  const baseBack = phenotype === 'back' ? rng.range(6.2, 9.2) : phenotype === 'leg' ? rng.range(3, 6.8) : rng.range(5.2, 8.4);
  const odiOffset = 7 * rng.normal();
  const skipsSexLife = rng.chance(0.12);
  const driftAmp = rng.range(0.02, 0.08);
  const driftPeriod = rng.range(90, 300);
  const driftPhase = rng.range(0, 2 * Math.PI);
  const missRate = rng.range(0.04, 0.3);
  // Clinic reviews (clinic, phone or video) monthly to quarterly once treatment starts.
  const visitInterval = rng.range(21, 75);
  // Some patients report their pain weekly through the clinic's remote-monitoring app for a few months after
  // treatment starts (patient-reported monitoring, fbss-domain.md §7: Manage My Pain); a nurse reviews them.
  const remoteMonitoring = rng.chance(0.35);
  const remoteWeeks = rng.int(12, 78);
  const onset: Onset = rng.weighted(ONSET_TABLE);

  // ---- Cause tags (at MDT; a provisional one from the referral letter at triage for some) ----
  const causeRows: {
    code: CauseCode;
    initial: CauseStatus;
    status: CauseStatus;
    taggedAt: number;
    changedAt: number | null;
    by: string | null;
  }[] = [];
  const assessedByMdt = mdt <= lastDay && (discharge === null || discharge >= mdt);
  if (assessedByMdt || (triage <= lastDay && rng.chance(0.3))) {
    const atMdt = assessedByMdt;
    const count = atMdt ? rng.weighted(CAUSE_COUNT_TABLE) : 1;
    let codes: CauseCode[] = rng.sampleDistinct(causeWeights(surgs, phenotype), count);
    if (atMdt && rng.chance(0.04)) codes = ['UND'];
    const tagDay = atMdt ? mdt : triage;
    for (const code of codes) {
      const initial: CauseStatus = codes.length > 1 && rng.chance(0.45) ? 'differential' : 'provisional';
      let status: CauseStatus = initial;
      let changedAt: number | null = null;
      const decideDay = tagDay + rng.int(14, 150);
      if (atMdt && decideDay <= lastDay && code !== 'UND') {
        const roll = rng.next();
        if (roll < 0.45) status = 'confirmed';
        else if (roll < 0.6) status = 'refuted';
        if (status !== initial) changedAt = decideDay;
      }
      causeRows.push({ code, initial, status, taggedAt: tagDay, changedAt, by: aSpecialist() });
    }
  }
  const activeCauses = causeRows.filter((c) => c.status !== 'refuted').map((c) => c.code);

  // ---- Treatment plan ----
  const items: Item[] = [];
  let planId: string | null = null;
  let itemSeq = 0;
  if (planStart !== null && planStart <= today) {
    planId = id(K.plan, 0);
    // SCS candidates: refractory pain of at least moderate-to-severe intensity (NICE TA159: >= 50 mm VAS).
    const scsCandidate = Math.max(baseLeg, baseBack) >= 5.5;
    const scsPathway = scsCandidate && rng.chance(phenotype === 'leg' ? 0.38 : phenotype === 'mixed' ? 0.27 : 0.13);
    const wanted = rng.weighted(ITEM_COUNT_TABLE);
    const sequence: TreatmentCode[] = [];
    const candidates = treatmentCandidates(activeCauses, phenotype);
    if (scsPathway) {
      if (rng.chance(0.6)) sequence.push(...rng.sampleDistinct(candidates, 1));
      sequence.push('SCS-TRIAL');
    } else {
      sequence.push(...rng.sampleDistinct(candidates, wanted));
      // Facet pathway: positive medial branch blocks lead to radiofrequency ablation.
      const mbb = sequence.indexOf('MBB');
      if (mbb >= 0 && mbb < 2 && !sequence.includes('RFA')) sequence.splice(mbb + 1, 0, 'RFA');
      if (sequence.length > 3) sequence.length = 3;
    }
    let cursor = planStart;
    for (let k = 0; k < sequence.length; k++) {
      const code = must(sequence[k], 'a planned treatment');
      const resp = RESPONSE[code];
      const isProcedure = resp.profile !== 'course' && resp.profile !== 'med';
      const wait = isProcedure ? rng.int(10, 70) : rng.int(0, 14);
      const plannedOn = cursor;
      const start = cursor + wait;
      const item = newItem(id(K.item, itemSeq++), code, plannedOn, rng, activeCauses);
      items.push(item);
      if (rng.chance(0.04) && start <= today) {
        item.status = 'cancelled';
        item.end = null;
        item.stopReason = rng.pick(['Patient declined.', 'Not fit for the procedure.', 'Superseded by a new plan.']);
        item.followUpsUntil = plannedOn;
        cursor = start;
        continue;
      }
      if (start > today) {
        item.status = 'planned';
        break; // later steps are not decided yet
      }
      item.start = start;
      if (resp.profile === 'course' || resp.profile === 'med') {
        const dur = resp.profile === 'med' ? rng.int(60, 540) : code === 'PMP-CBT' ? rng.int(42, 84) : rng.int(42, 112);
        let end = start + dur;
        if (rng.chance(resp.profile === 'med' ? 0.18 : 0.08)) {
          end = start + rng.int(14, Math.max(15, Math.floor(dur / 2)));
          if (end <= today) {
            item.status = 'stopped';
            item.stopReason = rng.pick(STOP_REASONS[code] ?? ['Stopped.']);
          }
        }
        item.end = end;
        if (item.status !== 'stopped') item.status = end > today ? 'active' : 'completed';
        if (item.status === 'active') item.end = null;
        if (item.status === 'stopped') item.followUpsUntil = end;
        cursor = start + rng.int(42, 120);
      } else if (code === 'SCS-TRIAL') {
        const end = start + rng.int(5, 10);
        if (end > today) {
          item.status = 'active';
          break;
        }
        item.end = end;
        item.status = 'completed';
        const success = rng.chance(0.8);
        item.trialSuccess = success;
        item.trialRelief = success ? rng.int(50, 90) : rng.int(10, 45);
        if (success) {
          const implantCode: TreatmentCode = rng.chance(0.05)
            ? 'DRG-STIM'
            : rng.chance(phenotype === 'back' ? 0.75 : 0.28)
              ? 'SCS-10KHZ'
              : 'SCS-IMPLANT';
          sequence.splice(k + 1, sequence.length, implantCode);
          cursor = end + rng.int(1, 14); // plus the usual wait for a procedure slot
        } else {
          sequence.splice(k + 1, sequence.length);
          if (rng.chance(0.15)) sequence.push(rng.chance(0.1) ? 'ITDD' : 'PMP-CBT');
          cursor = end + rng.int(30, 90);
        }
      } else {
        item.end = start;
        item.status = 'completed';
        cursor = start + rng.int(30, 120);
      }
    }
    // Successful trial, implant placed: the trial's own follow-ups are superseded by the implant's.
    items.forEach((it, k) => {
      const next = items[k + 1];
      if (next && it.code === 'SCS-TRIAL' && it.trialSuccess) it.followUpsUntil = next.start ?? next.plannedOn;
    });
  }
  const started = items.filter((i): i is StartedItem => i.start !== null && i.status !== 'cancelled');
  // Discharge after treatment: once the last treatment's 12-month review is behind them, about half leave.
  if (discharge === null && started.length > 0 && !items.some((i) => i.status === 'active' || i.status === 'planned')) {
    const lastStart = Math.max(...started.map((i) => i.start));
    const hasImplant = started.some((i) => RESPONSE[i.code].profile === 'implant');
    const d = lastStart + rng.int(365, 545);
    if (d <= lastDay && rng.chance(hasImplant ? 0.2 : 0.4)) {
      discharge = d;
      dischargeReason = rng.pick([
        'treatment complete, back to GP care',
        'stable, self-management',
        'did not attend follow-up',
        'discharged to GP with advice',
      ]);
    }
  }
  if (discharge !== null) for (const it of items) it.followUpsUntil = Math.min(it.followUpsUntil, discharge);
  const status = deriveStatus(today, { triage, triaged, planStart, discharge, items });

  // ---- Assessment days ----
  const end = Math.min(lastDay, discharge ?? Infinity);
  const visits = new Map<number, 'baseline' | 'mdt' | 'fu' | 'routine' | 'remote'>();
  // Baseline questionnaire at referral, perhaps a triage phone call, then the MDT assessment.
  const baselineDay = referral + rng.int(0, 10);
  if (baselineDay <= end && !(status === 'referred' && rng.chance(0.35))) visits.set(baselineDay, 'baseline');
  if (triaged <= end && triaged > baselineDay + 7 && rng.chance(0.4)) visits.set(triaged, 'routine');
  if (mdt <= end && !visits.has(mdt)) visits.set(mdt, 'mdt');
  // No clinic reviews while SCS trial leads are in (the trial's relief is recorded on the plan item).
  const trials = started.filter((i) => i.code === 'SCS-TRIAL').map((i) => [i.start, (i.end ?? i.start + 10) + 1] as const);
  const near = (day: number, within: number): boolean => {
    for (const [from, to] of trials) if (day >= from && day <= to) return true;
    for (let d = day - within; d <= day + within; d++) if (visits.has(d)) return true;
    return false;
  };
  // Follow-up visits around each started item's schedule (some missed).
  const fuPlans: { item: StartedItem; month: number; due: number }[] = [];
  for (const it of started) {
    for (const month of FOLLOW_UP_MONTHS[it.code] ?? []) {
      const due = addMonths(it.start, month);
      fuPlans.push({ item: it, month, due });
      if (due > it.followUpsUntil) continue;
      if (rng.chance(missRate)) continue;
      const day = due + rng.int(-10, 14);
      if (day <= end && day > it.start && !near(day, 2)) visits.set(day, 'fu');
    }
  }
  // Reviews once treatment has started: monthly to quarterly, sparser once treatment is behind them.
  const firstStart = started.length > 0 ? Math.min(...started.map((i) => i.start)) : null;
  if (firstStart !== null) {
    const lastStart = Math.max(...started.map((i) => i.start));
    for (let day = firstStart; ; ) {
      day += Math.max(14, Math.round(visitInterval * (day > lastStart + 200 ? 1.4 : 1) * rng.range(0.6, 1.4)));
      if (day > end) break;
      if (!near(day, 7)) visits.set(day, 'routine');
    }
    if (remoteMonitoring) {
      for (let day = firstStart + rng.int(3, 9), n = 0; day <= end && n < remoteWeeks; day += rng.int(6, 8), n++) {
        if (!near(day, 2)) visits.set(day, 'remote');
      }
    }
  }
  const days = [...visits.entries()].sort((a, b) => a[0] - b[0]);

  // ---- Assessments ----
  const recorded: { day: number; id: string }[] = [];
  let aSeq = 0;
  let alertSeq = 0;
  const implantStart = started.find((i) => RESPONSE[i.code].profile === 'implant')?.start ?? null;
  const injectionStarts = started.filter((i) => RESPONSE[i.code].profile === 'injection').map((i) => i.start);
  let baselineOdi: number | null = null;
  let baselineBackNrs: number | null = null;
  let baselineLegNrs: number | null = null;
  let latestAssessedAt: string | null = null;
  let latestBack: number | null = null;
  let latestBackAt: string | null = null;
  let latestLeg: number | null = null;
  let latestLegAt: string | null = null;
  let openRedFlag = false;
  for (const [day, kind] of days) {
    let legF = 1;
    let backF = 1;
    for (const it of started) {
      legF *= 1 - relief(it, day, 'leg');
      backF *= 1 - relief(it, day, 'back');
    }
    const drift = 1 + driftAmp * Math.sin(((day - referral) / driftPeriod) * 2 * Math.PI + driftPhase);
    const trueLeg = clampNrs(baseLeg * legF * drift);
    const trueBack = clampNrs(baseBack * backF * drift);
    const leg = rng.chance(0.01) && (kind === 'routine' || kind === 'remote') ? null : Math.round(clampNrs(trueLeg + noise(rng)));
    const back = Math.round(clampNrs(trueBack + noise(rng)));
    const full = kind === 'baseline' || kind === 'mdt';
    // ---- ODI ----
    let odiAnswers: (number | null)[] | null = null;
    let odiScore: number | null = null;
    if (full || (kind === 'fu' ? rng.chance(0.9) : kind === 'remote' ? rng.chance(0.1) : rng.chance(0.55))) {
      const pain = 0.6 * Math.max(trueLeg, trueBack) + 0.4 * Math.min(trueLeg, trueBack);
      const target = Math.max(0, Math.min(100, 8 + 5.2 * pain + odiOffset));
      const mean = target / 20;
      odiAnswers = ODI_SECTION_OFFSET.map((off) => {
        const v = Math.round(mean + off + 0.55 * rng.normal());
        return v < 0 ? 0 : v > 5 ? 5 : v;
      });
      if (skipsSexLife ? rng.chance(0.85) : rng.chance(0.03)) odiAnswers[7] = null;
      odiScore = scoreOdi(odiAnswers).score;
    }
    // ---- Symptoms ----
    const symptoms: SymptomRow[] =
      full || (kind === 'fu' ? rng.chance(0.5) : kind === 'remote' ? rng.chance(0.05) : rng.chance(0.2))
        ? symptomsFor(rng, phenotype, legSide, root, onset, trueLeg, trueBack)
        : [];
    // ---- Red flags ----
    const screened = full || (kind === 'fu' ? rng.chance(0.8) : kind === 'remote' ? rng.chance(0.3) : rng.chance(0.4));
    let flags: RedFlagCode[] = [];
    if (screened && rng.chance(0.025)) {
      const afterImplant = implantStart !== null && day > implantStart;
      const afterInjection = injectionStarts.some((s) => day > s && day - s <= 14);
      const pickFlag = (): RedFlagCode =>
        afterImplant && rng.chance(0.5)
          ? rng.weighted(RED_FLAG_DEVICE)
          : afterInjection && rng.chance(0.3)
            ? rng.pick(['post-injection-weakness', 'positional-headache'] as const)
            : rng.weighted(RED_FLAG_GENERAL);
      flags = [pickFlag()];
      if (rng.chance(0.2)) {
        const second = pickFlag();
        if (second !== flags[0]) flags.push(second);
      }
    }
    const by = full ? aSpecialist() : kind === 'remote' || rng.chance(0.75) ? aNurse() : aSpecialist();
    const recordedAt = at(day, clinicMinute(rng));
    const aid = id(K.assessment, aSeq++);
    const note =
      kind === 'mdt'
        ? 'MDT assessment.'
        : kind === 'remote'
          ? rng.chance(0.1)
            ? 'Remote monitoring (app), reviewed by nurse.'
            : null
          : rng.chance(0.08)
            ? rng.pick(ASSESSMENT_NOTES)
            : null;
    rows.assessments.push([
      aid,
      pid,
      recordedAt,
      by,
      back,
      leg,
      symptoms.length > 0 ? symptoms : null,
      screened,
      flags.length > 0 ? flags : null,
      odiAnswers,
      odiScore,
      note,
    ]);
    // The patient's summary columns, as the refresh functions of 0001_triggers.sql compute them.
    latestAssessedAt = recordedAt;
    latestBack = back;
    latestBackAt = recordedAt;
    if (leg !== null) {
      latestLeg = leg;
      latestLegAt = recordedAt;
    }
    recorded.push({ day, id: aid });
    if (baselineOdi === null && odiScore !== null) baselineOdi = odiScore;
    baselineBackNrs ??= back;
    baselineLegNrs ??= leg;
    if (flags.length > 0) {
      // Alerts are acknowledged by a specialist within hours to two days; recent ones may still be open.
      const open = today - day <= 14 && rng.chance(0.35);
      openRedFlag ||= open;
      const ackBy = open ? null : aSpecialist();
      const ackAt = open ? null : at(Math.min(lastDay, day + rng.int(0, 2)), clinicMinute(rng));
      const actions = RED_FLAG_ACTIONS[flags[0] ?? 'night-pain'] ?? ['Reviewed; per local pathway.'];
      rows.alerts.push([
        id(K.alert, alertSeq++),
        pid,
        aid,
        flags,
        recordedAt,
        ackAt,
        ackBy,
        open ? null : rng.pick(actions),
        open ? 1 : 2,
        recordedAt,
        by,
        ackAt ?? recordedAt,
        open ? by : ackBy,
      ]);
    }
  }
  stats.assessments += recorded.length;

  // ---- Follow-ups: completed when an assessment falls within +/- 14 days of the due date ----
  let fuSeq = 0;
  let nextDue: number | null = null;
  for (const f of fuPlans) {
    const { item, month, due } = f;
    const created = at(item.start, 9 * 60);
    const createdBy = specialist;
    let matched: { day: number; id: string } | null = null;
    let best = Infinity;
    for (const done of recorded) {
      const dd = Math.abs(done.day - due);
      if (dd <= FOLLOW_UP_WINDOW_DAYS && done.day > item.start && dd < best) {
        best = dd;
        matched = done;
      }
    }
    let status: 'due' | 'completed' | 'cancelled';
    let completedId: string | null = null;
    let updated = created;
    let version = 1;
    if (due > item.followUpsUntil) {
      status = 'cancelled';
      updated = at(Math.min(lastDay, Math.max(item.start, item.followUpsUntil)), 16 * 60);
      version = 2;
    } else if (matched !== null) {
      status = 'completed';
      completedId = matched.id;
      updated = at(matched.day, 17 * 60 + 45);
      version = 2;
    } else if (due + FOLLOW_UP_WINDOW_DAYS < today && rng.chance(today - due > 100 ? 0.85 : 0.25)) {
      // Missed: the nurse chases it, and closes most after a couple of months; some stay overdue.
      status = 'cancelled';
      updated = at(Math.min(lastDay, due + FOLLOW_UP_WINDOW_DAYS + rng.int(1, 80)), 16 * 60);
      version = 2;
    } else {
      status = 'due'; // upcoming, in its window, or overdue
      if (nextDue === null || due < nextDue) nextDue = due;
    }
    rows.followUps.push([
      id(K.followUp, fuSeq++),
      item.id,
      pid,
      month,
      iso(due),
      completedId,
      status,
      version,
      created,
      createdBy,
      updated,
      status === 'due' ? createdBy : aNurse(),
    ]);
  }

  // ---- Plan, items and their events ----
  if (planId !== null) {
    const planCreated = at(must(planStart, 'the plan start'), 11 * 60);
    const goals: { text: string; measure: 'back-nrs' | 'leg-nrs' | 'odi' | 'other'; target: number | null }[] = [];
    if (phenotype !== 'back') goals.push({ text: 'Leg pain NRS 4 or less', measure: 'leg-nrs', target: 4 });
    if (phenotype !== 'leg') goals.push({ text: 'Back pain NRS 4 or less', measure: 'back-nrs', target: 4 });
    if (baselineOdi !== null)
      goals.push({ text: 'ODI 10 points lower than baseline', measure: 'odi', target: Math.max(0, Math.round(baselineOdi - 10)) });
    if (rng.chance(0.4))
      goals.push({
        text: rng.pick(['Return to work', 'Walk 1 km', 'Reduce opioid dose', 'Sleep through the night', 'Play with grandchildren']),
        measure: 'other',
        target: null,
      });
    const planStatus = discharge !== null && discharge <= today ? 'completed' : 'active';
    const planUpdated = planStatus === 'completed' ? at(must(discharge, 'the discharge date'), 15 * 60) : planCreated;
    rows.plans.push([planId, pid, planStatus, goals, planStatus === 'completed' ? 2 : 1, planCreated, specialist, planUpdated, specialist]);
    let evSeq = 0;
    for (const it of items) {
      const created = at(it.plannedOn, 11 * 60 + 15);
      const events: [string, Record<string, { from: unknown; to: unknown }>][] = [];
      if (it.status === 'cancelled') {
        events.push([at(Math.min(lastDay, it.plannedOn + rng.int(3, 40)), 10 * 60), { status: { from: 'planned', to: 'cancelled' } }]);
      }
      if (it.start !== null) {
        events.push([
          at(Math.min(lastDay, it.start), 10 * 60),
          { status: { from: 'planned', to: 'active' }, startedOn: { from: null, to: iso(it.start) } },
        ]);
        if ((it.status === 'completed' || it.status === 'stopped') && it.end !== null) {
          const change: Record<string, { from: unknown; to: unknown }> = {
            status: { from: 'active', to: it.status },
            endedOn: { from: null, to: iso(it.end) },
          };
          if (it.trialRelief !== null) {
            change['trialReliefPct'] = { from: null, to: it.trialRelief };
            change['trialDecision'] = { from: null, to: it.trialSuccess ? 'success' : 'failure' };
          }
          events.push([at(Math.min(lastDay, it.end), 15 * 60), change]);
        }
      }
      const by = specialist ?? aSpecialist();
      for (const [when, change] of events) rows.itemEvents.push([id(K.itemEvent, evSeq++), it.id, by, when, change]);
      const updated = events.at(-1)?.[0] ?? created;
      const outcome = it.status === 'completed' && it.trialRelief === null && it.start !== null ? outcomeNote(it.rLeg, it.rBack) : null;
      rows.items.push([
        it.id,
        planId,
        pid,
        it.code,
        it.status,
        iso(it.plannedOn),
        it.start === null ? null : iso(it.start),
        it.end === null ? null : iso(it.end),
        specialist,
        addresses(it.code, activeCauses),
        it.stopReason,
        outcome,
        it.trialRelief,
        it.trialSuccess === null ? null : it.trialSuccess ? 'success' : 'failure',
        1 + events.length,
        created,
        by,
        updated,
        by,
      ]);
    }
  }

  // ---- Cause tags and their history ----
  let ctSeq = 0;
  let ceSeq = 0;
  for (const c of causeRows) {
    const tid = id(K.cause, ctSeq++);
    const ev = CAUSE_EVIDENCE[c.code] ?? ['', '', ''];
    const taggedAt = at(c.taggedAt, 12 * 60 + rng.int(0, 240));
    rows.causeTagEvents.push([id(K.causeEvent, ceSeq++), tid, c.initial, ev[0], c.by, taggedAt, 'tagged']);
    let note = ev[0];
    let updated = taggedAt;
    if (c.changedAt !== null) {
      note = c.status === 'confirmed' ? ev[1] : ev[2];
      updated = at(c.changedAt, 14 * 60 + rng.int(0, 120));
      rows.causeTagEvents.push([id(K.causeEvent, ceSeq++), tid, c.status, note, c.by, updated, 'status']);
    }
    rows.causeTags.push([tid, pid, c.code, c.status, note, c.by, taggedAt, c.changedAt === null ? 1 : 2, taggedAt, c.by, updated, c.by]);
  }

  // ---- Surgeries ----
  surgs.forEach((s, k) => {
    const created = at(referral, 9 * 60 + 30);
    rows.surgeries.push([
      id(K.surgery, k),
      pid,
      s.procedure,
      s.levels,
      iso(s.day),
      s.surgeon,
      rng.pick(HOSPITALS),
      instrumentationFor(rng, s.procedure, s.levels),
      k === surgs.length - 1,
      created,
      null,
      created,
      null,
    ]);
  });

  // ---- Referral ----
  const refCreated = at(referral, 9 * 60 + rng.int(0, 25));
  const months = Math.max(0, Math.round((referral - index.day) / 30.44));
  const referrer = rng.chance(0.7)
    ? `Dr ${rng.pick('ABCDEFGHJKLMNPRSTW'.split(''))}. ${rng.pick(ALL_FAMILY)} (GP, ${rng.pick(GP_PRACTICES)})`
    : `${rng.pick(SURGEONS)} (spinal surgeon)`;
  const reason = referralReason(rng, phenotype, legSide, index, months);
  const refUpdated = discharge !== null && discharge <= today ? at(discharge, 15 * 60) : null;
  rows.referrals.push([
    id(K.referral, 0),
    pid,
    referrer,
    iso(referral),
    reason,
    priority,
    refUpdated ? 'completed' : 'active',
    refUpdated ? 2 : 1,
    refCreated,
    null,
    refUpdated ?? refCreated,
    null,
  ]);

  // ---- MDT note and discharge note ----
  let noteSeq = 0;
  const mdtAuthor = assessedByMdt ? aSpecialist() : null;
  if (mdtAuthor !== null) {
    const causes = causeRows.map((c) => CAUSE_NAME[c.code] ?? c.code).join(', ') || 'none yet';
    const plan =
      items.length > 0
        ? items.map((i) => TREATMENT_NAME[i.code]).join(', then ')
        : discharge !== null
          ? `discharge (${dischargeReason})`
          : 'further investigation';
    const body =
      `MDT assessment. ${age}-year-old with ${phenotype === 'leg' ? 'leg-predominant' : phenotype === 'back' ? 'back-predominant' : 'mixed back and leg'} pain ` +
      `after ${PROCEDURE_PHRASE[index.procedure]} at ${levelText(index.levels)} (${months} months before referral). ` +
      `Baseline back NRS ${baselineBackNrs ?? '-'}, leg NRS ${baselineLegNrs ?? '-'}, ODI ${baselineOdi ?? '-'}%. ` +
      `Suspected causes: ${causes}. Plan: ${plan}.`;
    const when = at(mdt, 16 * 60 + rng.int(0, 60));
    rows.notes.push([id(K.note, noteSeq++), pid, mdtAuthor, when, body, when, mdtAuthor, when, mdtAuthor]);
  }
  if (discharge !== null && discharge <= lastDay) {
    const author = specialist ?? aSpecialist();
    if (author !== null) {
      const when = at(discharge, 15 * 60 + 30);
      rows.notes.push([id(K.note, noteSeq++), pid, author, when, `Discharged: ${dischargeReason}.`, when, author, when, author]);
    }
  }

  // ---- The patient row ----
  const created = at(referral, 9 * 60);
  const pVersion = 1 + (status === 'referred' ? 0 : 1);
  rows.patients.push([
    pid,
    mrn,
    family,
    given,
    iso(dob),
    sex,
    phone,
    email,
    status,
    priority,
    iso(referral),
    specialist,
    nurse,
    index.procedure,
    iso(index.day),
    index.surgeon,
    latestBack,
    latestBackAt,
    latestLeg,
    latestLegAt,
    baselineBackNrs,
    baselineLegNrs,
    latestAssessedAt,
    openRedFlag ? true : null,
    nextDue === null ? null : iso(nextDue),
    pVersion,
    created,
    null,
    status === 'referred'
      ? created
      : at(
          Math.min(
            lastDay,
            Math.max(
              referral,
              status === 'discharged' ? (discharge ?? mdt) : status === 'triage' ? triage : status === 'assessment' ? triaged : mdt,
            ),
          ),
          16 * 60,
        ),
    specialist,
  ]);
  return pid;
}

function newItem(itemId: string, code: TreatmentCode, plannedOn: number, rng: Rng, causes: readonly CauseCode[]): Item {
  const resp = RESPONSE[code];
  // Leg and back responses are correlated: one shared draw most of the time.
  const u = rng.next();
  const uBack = rng.chance(0.6) ? u : rng.next();
  const peak = (isResponder: boolean): number => (isResponder ? rng.range(0.55, 0.92) : rng.range(-0.1, 0.35));
  const rLeg = peak(u < resp.leg);
  const rBack = peak(uBack < resp.back);
  return {
    id: itemId,
    code,
    status: 'planned',
    plannedOn,
    start: null,
    end: null,
    rLeg,
    rBack,
    tau: rng.range(28, 48),
    plateau: rng.range(21, 45),
    trialRelief: null,
    trialSuccess: null,
    stopReason: null,
    causes: addresses(code, causes),
    followUpsUntil: Infinity,
  };
}

function noise(rng: Rng): number {
  const u = rng.next();
  return u < 0.2 ? -1 : u > 0.8 ? 1 : u < 0.23 ? -0.5 : u > 0.77 ? 0.5 : 0;
}

interface SymptomRow {
  type: SymptomType;
  side: Side | null;
  regions: string[];
  dermatomes: Dermatome[];
  onset: Onset | null;
  note: string | null;
}
function symptomsFor(rng: Rng, phenotype: Phenotype, side: Side, root: Dermatome, onset: Onset, leg: number, back: number): SymptomRow[] {
  const out: SymptomRow[] = [];
  if (back >= 2) out.push({ type: 'persistent-back-pain', side: 'midline', regions: ['low-back'], dermatomes: [], onset, note: null });
  if (leg >= 2) {
    const regions =
      root === 'S1'
        ? ['buttock', 'thigh', 'lower-leg', 'foot']
        : root === 'L5'
          ? ['buttock', 'thigh', 'lower-leg', 'foot']
          : ['thigh', 'lower-leg'];
    const radicular = phenotype !== 'back' || rng.chance(0.3);
    out.push({
      type: radicular ? 'radicular-pain' : 'leg-pain',
      side,
      regions: rng.chance(0.3) ? regions.slice(0, 2) : regions,
      dermatomes: radicular ? [root] : [],
      onset,
      note: radicular && rng.chance(0.25) ? rng.pick(['Burning.', 'Electric shocks.', 'Worse sitting.', 'Worse walking.']) : null,
    });
  }
  if (phenotype !== 'back' && rng.chance(0.35))
    out.push({ type: rng.chance(0.5) ? 'numbness' : 'tingling', side, regions: ['foot'], dermatomes: [root], onset, note: null });
  if (rng.chance(0.05))
    out.push({
      type: 'weakness',
      side: side === 'bilateral' ? 'left' : side,
      regions: ['foot'],
      dermatomes: [root],
      onset: 'progressive',
      note: 'Mild weakness of big-toe extension.',
    });
  return out;
}

function referralReason(rng: Rng, phenotype: Phenotype, side: Side, index: Surgery, months: number): string {
  const sideText = side === 'bilateral' ? 'bilateral' : side;
  const main =
    phenotype === 'leg'
      ? `${rng.pick(['Persistent', 'Ongoing', 'Recurrent', 'Worsening'])} ${sideText} leg pain`
      : phenotype === 'back'
        ? `${rng.pick(['Persistent', 'Ongoing', 'Chronic', 'Worsening'])} low back pain`
        : `${rng.pick(['Persistent', 'Ongoing', 'Worsening'])} back and ${sideText} leg pain`;
  const extra = rng.pick([
    'MRI shows post-operative changes only.',
    'Not coping at work.',
    'Opioid use escalating.',
    'Please consider spinal cord stimulation.',
    'Failed a course of physiotherapy.',
    'Surgeon does not recommend further surgery.',
    'Sleep badly affected.',
    'Neuropathic features; pregabalin partially helpful.',
    'Request for pain management opinion.',
    'Off work since surgery.',
  ]);
  return `${main} ${months} months after ${PROCEDURE_PHRASE[index.procedure]} at ${levelText(index.levels)}. ${extra}`;
}

const PRIORITY_TABLE = weighted<ReferralPriority>([
  ['routine', 80],
  ['urgent', 16],
  ['asap', 4],
]);
const PHENOTYPE_TABLE = weighted<Phenotype>([
  ['leg', 45],
  ['back', 30],
  ['mixed', 25],
]);
const SURGERY_COUNT_TABLE = weighted([
  [1, 60],
  [2, 30],
  [3, 10],
] as const);
const SIDE_TABLE = weighted<Side>([
  ['left', 45],
  ['right', 41],
  ['bilateral', 14],
]);
const ONSET_TABLE = weighted<Onset>([
  ['never-relieved', 45],
  ['new-after-surgery', 15],
  ['recurred-after-interval', 28],
  ['progressive', 12],
]);
const CAUSE_COUNT_TABLE = weighted([
  [1, 30],
  [2, 37],
  [3, 22],
  [4, 11],
] as const);
const ITEM_COUNT_TABLE = weighted([
  [1, 35],
  [2, 38],
  [3, 27],
] as const);

// ---------------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------------

function makeCtx(seed: number, today: string, clinicians: SeedCohortOptions['clinicians']): Ctx {
  return {
    seed,
    keys: {
      rounds: [0x5bd1e995, 0x27d4eb2f, 0x85ebca77, 0xc2b2ae3d].map((c, i) => fmix32((seed + Math.imul(i + 1, c)) >>> 0)),
      k3: fmix32((seed ^ 0x165667b1) >>> 0),
    },
    today: dayOf(today),
    specialists: clinicians.specialists,
    nurses: clinicians.nurses,
  };
}

/**
 * The rows the seed would insert for patients [from, to), keyed by table name, as objects with column names
 * (no database; for tuning and for specs of the generator itself).
 */
export function previewCohortRows(
  opts: { seed?: number; today: string; clinicians: SeedCohortOptions['clinicians'] },
  from: number,
  to: number,
): Record<string, Record<string, unknown>[]> {
  const ctx = makeCtx((opts.seed ?? 1) >>> 0, opts.today, opts.clinicians);
  const rows = emptyRows();
  const stats: PatientStats = { assessments: 0 };
  for (let n = from; n < to; n++) generatePatient(ctx, n, rows, stats);
  return Object.fromEntries(
    TABLE_ORDER.map((k) => {
      const cols = sentColumns(TABLES[k]).map(([c]) => c);
      return [TABLES[k].name, rows[k].map((r) => Object.fromEntries(cols.map((c, i) => [c, r[i] ?? null])))];
    }),
  );
}

/**
 * Insert triggers on the seeded tables and what the seed does instead of firing them. The four "latest value"
 * triggers are replaced by values the generator computes; the outcome-summary triggers by a set-based
 * refresh_outcome_summaries per chunk. Any other insert trigger makes the seed run with triggers on.
 */
export const SEED_REPLACED_INSERT_TRIGGERS: Readonly<Record<string, string>> = {
  'assessments.assessments_pain_insert': 'patients.latest_*/baseline_* computed by the generator',
  'red_flag_alerts.red_flag_alerts_insert': 'patients.open_red_flag computed by the generator',
  'follow_ups.follow_ups_insert': 'patients.next_follow_up_due computed by the generator',
  'assessments.assessments_outcomes_insert': 'refresh_outcome_summaries per chunk',
  'plan_items.plan_items_outcomes_insert': 'refresh_outcome_summaries per chunk',
  'follow_ups.follow_ups_outcomes_insert': 'refresh_outcome_summaries per chunk',
  'patients.patients_facts_insert': 'refresh_patient_facts once after the load',
  'cause_tags.cause_tags_facts_insert': 'refresh_patient_facts once after the load',
  'plan_items.plan_items_facts_insert': 'refresh_patient_facts once after the load',
  'follow_ups.follow_ups_facts_insert': 'refresh_patient_facts once after the load',
  'referrals.referrals_facts_insert': 'refresh_patient_facts once after the load',
  'red_flag_alerts.red_flag_alerts_facts_insert': 'refresh_patient_facts once after the load',
};

/** User-defined insert triggers on the tables the seed writes that it does not know how to replace. */
export async function unknownInsertTriggers(database: Database): Promise<string[]> {
  const tables = TABLE_ORDER.map((k) => TABLES[k].name);
  const rows = await database.query<{ name: string }>(
    `select c.relname || '.' || t.tgname as name from pg_trigger t join pg_class c on c.oid = t.tgrelid
     join pg_namespace n on n.oid = c.relnamespace
     where not t.tgisinternal and (t.tgtype & 4) <> 0 and n.nspname = current_schema() and c.relname = any($1::text[])`,
    [`{${tables.join(',')}}`],
  );
  return rows
    .map((r) => r.name)
    .filter((name) => !(name in SEED_REPLACED_INSERT_TRIGGERS))
    .sort();
}

/** Today's date in UTC, YYYY-MM-DD. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Generates `patients` patients with their whole record into an empty clinic. Refuses (throws) when the
 * patients table is not empty: MRNs and the all-or-nothing load assume a fresh database.
 */
export async function seedDemoCohort(database: Database, opts: SeedCohortOptions): Promise<SeedCohortResult> {
  const t0 = performance.now();
  const total = Math.max(0, Math.floor(opts.patients));
  const seed = (opts.seed ?? 1) >>> 0;
  const today = opts.today ?? todayUtc();
  dayOf(today); // validates
  const chunkSize = Math.max(1, Math.floor(opts.chunkSize ?? 1000));
  const counts: Record<string, number> = Object.fromEntries(TABLE_ORDER.map((k) => [TABLES[k].name, 0]));
  let assessments = 0;

  const existing = await database.query<{ n: number }>('select count(*)::int as n from (select 1 from patients limit 1) x');
  if ((existing[0]?.n ?? 0) > 0) {
    throw new Error('seedDemoCohort: the patients table is not empty; the demo cohort is only generated into an empty clinic.');
  }
  if (total === 0) return { patients: 0, assessments: 0, ms: 0, rows: counts };

  // Foreign keys and the statement-level insert triggers (0001_triggers.sql, 0003_outcome_summary_triggers.sql)
  // are skipped for the load with session_replication_role = replica (transaction-local, so an error or a crash
  // changes nothing). Instead the generator writes patients.latest_*, baseline_*, open_red_flag and
  // next_follow_up_due itself, exactly as the refresh functions compute them, outcome_summaries is refreshed
  // set-based per chunk and patient_facts (0005) once at the end. cohort.spec.ts re-runs every refresh function and checks that nothing changes, and
  // checks every foreign key. If a table gained an insert trigger this file does not know (or the role may not
  // set session_replication_role, e.g. a non-superuser PostgreSQL role), triggers and checks simply run: same
  // data, slower.
  const fast = (await unknownInsertTriggers(database)).length === 0;
  const useWorker = opts.worker ?? total >= 4 * chunkSize;
  const source =
    (useWorker ? await workerSource({ seed, today, clinicians: opts.clinicians }) : null) ??
    inlineSource(makeCtx(seed, today, opts.clinicians));
  try {
    await database.db.transaction(async (tx) => {
      let replica = false;
      if (fast) {
        await tx.execute(sql.raw('savepoint seed_replica'));
        try {
          await tx.execute(sql.raw('set local session_replication_role = replica'));
          await tx.execute(sql.raw('release savepoint seed_replica'));
          replica = true;
        } catch {
          await tx.execute(sql.raw('rollback to savepoint seed_replica'));
        }
      }
      let next: Promise<Chunk> = source.get(0, Math.min(total, chunkSize));
      for (let from = 0; from < total; from += chunkSize) {
        const to = Math.min(total, from + chunkSize);
        const chunk: Chunk = await next;
        // Ask for the next chunk before inserting this one (a worker generates it meanwhile).
        if (to < total) {
          next = source.get(to, Math.min(total, to + chunkSize));
          next.catch(() => undefined); // a rejection surfaces when it is awaited
        }
        await insertChunk(tx, chunk);
        for (const key of TABLE_ORDER) counts[TABLES[key].name] = (counts[TABLES[key].name] ?? 0) + chunk.counts[key];
        assessments += chunk.assessments;
        if (replica) await tx.execute(sql`select refresh_outcome_summaries(${`{${chunk.ids.join(',')}}`}::uuid[])`);
        opts.onProgress?.(to, total);
      }
      // patient_facts in one set-based statement (per chunk, each upsert would look patients up by id in tables
      // that have no planner statistics yet inside this transaction).
      if (replica) await tx.execute(sql`select refresh_patient_facts(array(select id from patients))`);
    });
  } finally {
    await source.close();
  }
  // PGlite never autovacuums (performance-notes.md item 6): VACUUM (ANALYZE) so that the planner sees the new
  // data and index-only scans work from the first request.
  await vacuumAnalyze(database);
  return { patients: total, assessments, ms: Math.round(performance.now() - t0), rows: counts };
}

// In the worker thread started by workerSource(): serve chunk requests.
if (!isMainThread && (workerData as Partial<WorkerInit> | null)?.fbssCohortWorker === true) runWorker(workerData as WorkerInit);
