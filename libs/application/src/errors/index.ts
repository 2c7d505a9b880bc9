export * from './agenda-refusal';
export * from './input-error';
export * from './refusal-kind';
