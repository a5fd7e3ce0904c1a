/** One subject of the fake library: a photo and a video of it, found by its tags. */
export interface CatalogEntry {
  id: number;
  slug: string;
  tags: string[];
  photographer: { id: number; name: string };
  avgColor: string;
  photo: { width: number; height: number };
  /** The original video's size; null when the subject has no video. */
  video: { width: number; height: number; duration: number } | null;
}

const person = (id: number, name: string) => ({ id, name });

// Portrait 4K, portrait Full HD, portrait HD and landscape-only subjects, so every branch of a client shows.
export const CATALOG: CatalogEntry[] = [
  {
    id: 1001,
    slug: 'ocean-waves-at-dawn',
    tags: ['ocean', 'sea', 'wave', 'water', 'dawn', 'calm', 'nature', 'beach'],
    photographer: person(501, 'Ana Souza'),
    avgColor: '#2A6F97',
    photo: { width: 3000, height: 4500 },
    video: { width: 2160, height: 3840, duration: 12 },
  },
  {
    id: 1002,
    slug: 'misty-forest-path',
    tags: ['forest', 'tree', 'mist', 'nature', 'path', 'calm', 'green'],
    photographer: person(502, 'Jonas Berg'),
    avgColor: '#335C46',
    photo: { width: 2400, height: 3600 },
    video: { width: 1080, height: 1920, duration: 9 },
  },
  {
    id: 1003,
    slug: 'coffee-cup-on-desk',
    tags: ['coffee', 'cup', 'desk', 'morning', 'work', 'mug'],
    photographer: person(503, 'Mia Chen'),
    avgColor: '#6B4F3A',
    photo: { width: 2000, height: 3000 },
    video: { width: 720, height: 1280, duration: 7 },
  },
  {
    id: 1004,
    slug: 'code-on-laptop-screen',
    tags: ['code', 'laptop', 'programming', 'computer', 'screen', 'technology', 'developer', 'data'],
    photographer: person(504, 'Ravi Patel'),
    avgColor: '#1E293B',
    photo: { width: 4000, height: 6000 },
    video: { width: 1080, height: 1920, duration: 15 },
  },
  {
    id: 1005,
    slug: 'city-skyline-at-night',
    tags: ['city', 'skyline', 'night', 'lights', 'urban', 'building'],
    photographer: person(505, 'Lucía Gómez'),
    avgColor: '#111827',
    photo: { width: 2400, height: 3600 },
    video: { width: 3840, height: 2160, duration: 20 },
  },
  {
    id: 1006,
    slug: 'runner-on-track',
    tags: ['running', 'runner', 'sport', 'track', 'fitness', 'energy', 'athlete'],
    photographer: person(506, 'Kwame Mensah'),
    avgColor: '#C2410C',
    photo: { width: 2000, height: 3000 },
    video: { width: 1080, height: 1920, duration: 8 },
  },
  {
    id: 1007,
    slug: 'snowy-mountain-peak',
    tags: ['mountain', 'snow', 'peak', 'landscape', 'nature', 'sky'],
    photographer: person(507, 'Élodie Martin'),
    avgColor: '#5C6B7D',
    photo: { width: 6000, height: 4000 },
    video: null,
  },
  {
    id: 1008,
    slug: 'friends-dancing-at-party',
    tags: ['party', 'dance', 'friends', 'music', 'celebration', 'fun'],
    photographer: person(508, 'Sam Okafor'),
    avgColor: '#6D28D9',
    photo: { width: 2000, height: 3000 },
    video: { width: 1920, height: 1080, duration: 11 },
  },
  {
    id: 1009,
    slug: 'business-chart-growth',
    tags: ['chart', 'graph', 'growth', 'business', 'data', 'analytics', 'finance'],
    photographer: person(509, 'Hana Suzuki'),
    avgColor: '#0E7490',
    photo: { width: 2400, height: 3600 },
    video: null,
  },
];
