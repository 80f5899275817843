export {};
//# sourceMappingURL=analytics.bench.d.ts.map