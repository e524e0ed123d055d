// What the grid map uses of the registry: its layers (风险点落图).
export { RegistryMapLayers } from './RegistryMapLayers.tsx';
