import '@testing-library/jest-dom';

// recharts' ResponsiveContainer observes its size; jsdom has no ResizeObserver.
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as any).ResizeObserver ??= ResizeObserverStub;

// Two shared cores: rendering the whole test app takes seconds, not milliseconds.
jest.setTimeout(30_000);
