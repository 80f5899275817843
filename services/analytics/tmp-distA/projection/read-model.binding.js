export function bindReadModel(binding) {
    return binding;
}
//# sourceMappingURL=read-model.binding.js.map