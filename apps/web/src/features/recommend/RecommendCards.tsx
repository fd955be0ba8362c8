import { DailyCard } from './DailyCard.tsx';
import { FmCard } from './FmCard.tsx';
import './rec-cards.css';

/** The top of the home page: 每日推荐 and 私人FM side by side. */
export function RecommendCards() {
  return (
    <div className="rec-cards">
      <DailyCard />
      <FmCard />
    </div>
  );
}
