/**
 * Vocabulary for bulk-generated users, in the style of Microsoft's demo cast
 * (varied first names and surnames, US-style business phones, "building/room"
 * offices). Combinations, not real people.
 */
export const GIVEN_NAMES = [
  "Adele", "Alex", "Allan", "Amara", "Ana", "Anders", "Aiko", "Ben", "Bianca", "Brandon", "Camille", "Carlos",
  "Chen", "Chloe", "Christie", "Dana", "Daniel", "Debra", "Diego", "Dmitri", "Elena", "Emily", "Enrico", "Farah",
  "Fatima", "Felix", "Grace", "Grady", "Hana", "Hannah", "Henrietta", "Hiroshi", "Ingrid", "Irvin", "Isaiah", "Ivan",
  "Jamal", "Jana", "Javier", "Joanna", "Johanna", "Joni", "Jorge", "Kai", "Kamala", "Karin", "Keiko", "Kenji",
  "Lars", "Lee", "Leila", "Lidia", "Lina", "Luca", "Lynne", "Malik", "Maria", "Marta", "Megan", "Mei",
  "Miriam", "Mohammed", "Nadia", "Nestor", "Nia", "Nikhil", "Noah", "Olga", "Omar", "Patti", "Pedro", "Pradeep",
  "Priya", "Rafael", "Rahul", "Renee", "Rosa", "Ruth", "Samir", "Sara", "Sergei", "Sofia", "Sven", "Tamara",
  "Tariq", "Thandiwe", "Tomas", "Uma", "Valentina", "Victor", "Wei", "Xavier", "Yara", "Yusuf", "Zanele", "Zoe",
] as const;

export const SURNAMES = [
  "Abbott", "Adeyemi", "Alvarez", "Andersen", "Archie", "Bauer", "Berger", "Bowen", "Braun", "Castillo", "Cattaneo", "Chandra",
  "Cline", "Costa", "Dahl", "Deyoung", "Dubois", "Eriksson", "Fernandez", "Fischer", "Garcia", "Gonzalez", "Graham", "Gu",
  "Gupta", "Haddad", "Hansen", "Holloway", "Hughes", "Ibrahim", "Ivanova", "Jansen", "Johansson", "Kaur", "Kim", "Kowalski",
  "Kruger", "Langer", "Larsen", "Lorenz", "Lopez", "Mahlangu", "Martin", "Meyer", "Mueller", "Murphy", "Nakamura", "Nguyen",
  "Novak", "Okafor", "Olsen", "Patel", "Petrov", "Popescu", "Quinn", "Rahman", "Ramirez", "Robbins", "Rossi", "Sato",
  "Sayers", "Schmidt", "Sherman", "Siciliani", "Silva", "Singh", "Sokolov", "Suzuki", "Tanaka", "Thompson", "Torres", "Usman",
  "Vance", "Varga", "Walters", "Wang", "Weber", "Wilber", "Wilke", "Williams", "Wong", "Yamamoto", "Yilmaz", "Zhang",
] as const;

export const DEPARTMENTS = [
  { name: "Sales & Marketing", titles: ["Account Executive", "Marketing Assistant", "Product Marketing Manager", "Sales Representative", "Web Marketing Manager"] },
  { name: "Finance", titles: ["Accountant II", "Auditor", "Budget Analyst", "Financial Analyst", "Payroll Specialist"] },
  { name: "Legal", titles: ["Attorney", "Compliance Officer", "Contracts Manager", "Paralegal"] },
  { name: "Operations", titles: ["Facilities Coordinator", "Logistics Planner", "Operations Manager", "Security Officer"] },
  { name: "Research & Development", titles: ["Data Scientist", "Designer", "Software Engineer", "Senior Researcher", "Test Engineer"] },
  { name: "Human Resources", titles: ["HR Generalist", "Recruiter", "Benefits Specialist"] },
  { name: "Customer Support", titles: ["Support Engineer", "Support Team Lead", "Customer Success Manager"] },
  { name: "IT", titles: ["Systems Administrator", "Network Engineer", "Service Desk Analyst", "Identity Engineer"] },
] as const;

/** Area codes seen in the demo cast's phone numbers. */
export const AREA_CODES = ["205", "206", "262", "309", "412", "425", "502", "732", "858", "913", "918", "954", "980"] as const;

export const GUEST_DOMAINS = ["fabrikam.com", "tailspintoys.com", "northwindtraders.com", "adatum.com", "litware.com"] as const;
