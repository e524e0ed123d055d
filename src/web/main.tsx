// Entry of the web app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './app/locales/index.ts';
// antd-mobile's toasts, dialogs and image viewer render through this adapter under React 19
import './features/cases/mobile/react19.ts';
import './ui/global.css';
import { App } from './app/App.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
