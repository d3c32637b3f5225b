import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n/setup';
import Providers from './Providers';
import './global.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <Providers />
  </StrictMode>,
);
