/** A small seeded generator (mulberry32), so that every benchmark run builds the same log. */
export class SeededRandom {
    constructor(seed) {
        this.state = seed >>> 0;
    }
    /** A number in [0, 1). */
    next() {
        this.state = (this.state + 0x6d2b79f5) >>> 0;
        let t = this.state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
    }
    chance(probability) {
        return this.next() < probability;
    }
    integer(min, max) {
        return min + Math.floor(this.next() * (max - min + 1));
    }
    pick(items) {
        return items[Math.floor(this.next() * items.length)];
    }
    /** A v4-shaped UUID from this generator. */
    uuid() {
        const hex = Array.from({ length: 32 }, () => Math.floor(this.next() * 16).toString(16)).join('');
        return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
    }
}
//# sourceMappingURL=seeded-random.js.map