import { Link } from 'react-router-dom';
import { Icon, type IconName } from '../../components/Icon.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useMe } from '../../session/sessionContext.js';

interface NextStep {
  icon: IconName;
  title: string;
  text: string;
  to: string;
  linkLabel: string;
}

const inviteStep: NextStep = {
  icon: 'settings',
  title: 'Invite your team',
  text: 'Editors make videos, reviewers approve them, viewers follow along. You can invite people now.',
  to: '/settings',
  linkLabel: 'Invite people',
};

const laterSteps: NextStep[] = [
  {
    icon: 'connections',
    title: 'Connect your channels',
    text: 'Publishing goes through your TikTok, Instagram and YouTube accounts. Connect them so videos can be published for you.',
    to: '/connections',
    linkLabel: 'Go to Connections',
  },
  {
    icon: 'create',
    title: 'Create your first video',
    text: 'Describe an idea and get a short vertical video to review, with script, voice-over, captions and cover.',
    to: '/create',
    linkLabel: 'Create a video',
  },
];

export function DashboardHome() {
  const me = useMe();
  const steps = me.role === 'owner' ? [inviteStep, ...laterSteps] : laterSteps;
  return (
    <>
      <PageHeader
        title={`Welcome to ${me.currentWorkspace.name}`}
        description={`Hi ${me.user.name}. This workspace is ready; here is what to do next.`}
      />
      <section aria-labelledby="next-steps-heading">
        <h2 id="next-steps-heading" className="section-title">
          What to do next
        </h2>
        <ol className="next-steps">
          {steps.map((step) => (
            <li key={step.title} className="card next-step">
              <span className="next-step-icon">
                <Icon name={step.icon} />
              </span>
              <h3 className="next-step-title">{step.title}</h3>
              <p className="muted">{step.text}</p>
              <Link to={step.to} className="next-step-link">
                {step.linkLabel}
              </Link>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
