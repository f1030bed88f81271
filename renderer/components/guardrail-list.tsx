// The guardrails the core reports for a proposed lawful basis: block (red, ⛔, "Blocks saving") and warn (amber,
// ⚠, "Warning"), each with the article, regulation or guidance it comes from. Never colour alone.
import type { Guardrail } from '../types.js';

export function GuardrailList({ guardrails }: { guardrails: readonly Guardrail[] }) {
  if (guardrails.length === 0) return null;
  return (
    <ul className="guardrails" data-testid="guardrails">
      {guardrails.map((g) => (
        <li key={g.id} className={`guardrail guardrail-${g.severity}`} data-testid={`guardrail-${g.id}`} data-severity={g.severity}>
          <span className="guardrail-badge">
            <span aria-hidden="true">{g.severity === 'block' ? '⛔' : '⚠'}</span> {g.severity === 'block' ? 'Blocks saving' : 'Warning'}
          </span>
          <span className="guardrail-message">{g.message}</span>
          <span className="guardrail-rule">
            Rule: <cite>{g.rule}</cite>
            {g.contactIds && g.contactIds.length > 0 ? ` · ${g.contactIds.length} contact${g.contactIds.length === 1 ? '' : 's'} concerned` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}
