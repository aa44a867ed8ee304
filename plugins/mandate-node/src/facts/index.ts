export { EvaluationFacts } from './EvaluationFacts';
