export {};
//# sourceMappingURL=rebuild.d.ts.map