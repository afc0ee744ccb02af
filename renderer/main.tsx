import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createAppServices } from './app/app-services';
import { pickBridge } from './bridge/roller-bridge';
import './app/app.css';

const root = document.getElementById('root');
if (root) {
  const services = createAppServices(pickBridge());
  createRoot(root).render(
    <StrictMode>
      <App services={services} />
    </StrictMode>,
  );
}
