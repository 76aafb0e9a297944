import type { DemoAlias } from "./demo-tenant";

/**
 * The twenty people of Microsoft's Microsoft 365 demo tenant, transcribed from
 * Graph docs (concepts/people-example.md, CC-BY-4.0) via
 * shared/data/sample-users/m365-demo-users.json. Managers and employee IDs are
 * ours (the source has neither); leaders come first so each manager exists
 * before the people who report to them.
 */
export interface DemoPerson {
  alias: DemoAlias;
  givenName: string;
  surname: string;
  jobTitle: string;
  department: string;
  officeLocation: string;
  businessPhone: string | null;
  manager: DemoAlias | null;
}

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { alias: "PattiF", givenName: "Patti", surname: "Fernandez", jobTitle: "President", department: "Executive Management", officeLocation: "15/1102", businessPhone: "+1 502 555 0144", manager: null },
  { alias: "LeeG", givenName: "Lee", surname: "Gu", jobTitle: "CVP Research & Development", department: "Research & Development", officeLocation: "23/3101", businessPhone: "+1 913 555 0101", manager: "PattiF" },
  { alias: "GradyA", givenName: "Grady", surname: "Archie", jobTitle: "CVP Legal", department: "Legal", officeLocation: "19/2109", businessPhone: "+1 309 555 0104", manager: "PattiF" },
  { alias: "DiegoS", givenName: "Diego", surname: "Siciliani", jobTitle: "CVP Finance", department: "Finance", officeLocation: "14/1108", businessPhone: "+1 205 555 0108", manager: "PattiF" },
  { alias: "NestorW", givenName: "Nestor", surname: "Wilke", jobTitle: "CVP Operations", department: "Operations", officeLocation: "36/2121", businessPhone: "+1 206 555 0105", manager: "PattiF" },
  { alias: "BenW", givenName: "Ben", surname: "Walters", jobTitle: "VP Sales", department: "Sales & Marketing", officeLocation: "19/3123", businessPhone: "+1 732 555 0102", manager: "PattiF" },
  { alias: "JoniS", givenName: "Joni", surname: "Sherman", jobTitle: "Paralegal", department: "Legal", officeLocation: "20/1109", businessPhone: "+1 980 555 0101", manager: "GradyA" },
  { alias: "IsaiahL", givenName: "Isaiah", surname: "Langer", jobTitle: "Web Marketing Manager", department: "Sales & Marketing", officeLocation: "20/1101", businessPhone: "+1 918 555 0101", manager: "BenW" },
  { alias: "EnricoC", givenName: "Enrico", surname: "Cattaneo", jobTitle: "Attorney", department: "Legal", officeLocation: "14/1102", businessPhone: "+1 205 555 0103", manager: "GradyA" },
  { alias: "AllanD", givenName: "Allan", surname: "Deyoung", jobTitle: "Corporate Security Officer", department: "Operations", officeLocation: "24/1106", businessPhone: "+1 262 555 0106", manager: "NestorW" },
  { alias: "AdeleV", givenName: "Adele", surname: "Vance", jobTitle: "Product Marketing Manager", department: "Sales & Marketing", officeLocation: "18/2111", businessPhone: "+1 425 555 0109", manager: "BenW" },
  { alias: "AlexW", givenName: "Alex", surname: "Wilber", jobTitle: "Marketing Assistant", department: "Sales & Marketing", officeLocation: "131/1104", businessPhone: "+1 858 555 0110", manager: "BenW" },
  { alias: "DebraB", givenName: "Debra", surname: "Berger", jobTitle: "Administrative Assistant", department: "Finance", officeLocation: "18/2107", businessPhone: "+1 425 555 0105", manager: "DiegoS" },
  { alias: "HenriettaM", givenName: "Henrietta", surname: "Mueller", jobTitle: "Marketing Assistant", department: "Sales & Marketing", officeLocation: "18/1106", businessPhone: "+1 954 555 0118", manager: "BenW" },
  { alias: "PradeepG", givenName: "Pradeep", surname: "Gupta", jobTitle: "Accountant II", department: "Finance", officeLocation: "98/2202", businessPhone: "+20 255501070", manager: "DiegoS" },
  { alias: "IrvinS", givenName: "Irvin", surname: "Sayers", jobTitle: "Director", department: "Legal", officeLocation: "19/2106", businessPhone: "+1 309 555 0101", manager: "GradyA" },
  { alias: "LynneR", givenName: "Lynne", surname: "Robbins", jobTitle: "Product Manager", department: "Sales & Marketing", officeLocation: "20/1104", businessPhone: "+1 918 555 0104", manager: "BenW" },
  { alias: "MeganB", givenName: "Megan", surname: "Bowen", jobTitle: "Auditor", department: "Finance", officeLocation: "12/1110", businessPhone: "+1 412 555 0109", manager: "DiegoS" },
  { alias: "EmilyB", givenName: "Emily", surname: "Braun", jobTitle: "Budget Analyst", department: "Finance", officeLocation: "97/2302", businessPhone: "+81 345550115", manager: "DiegoS" },
  { alias: "LidiaH", givenName: "Lidia", surname: "Holloway", jobTitle: "Product Manager", department: "Sales & Marketing", officeLocation: "20/2107", businessPhone: null, manager: "BenW" },
];
