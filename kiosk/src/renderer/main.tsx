import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connect } from './connect';
import './styles.css';

const services = connect();
createRoot(document.getElementById('root')!).render(<App services={services} />);
